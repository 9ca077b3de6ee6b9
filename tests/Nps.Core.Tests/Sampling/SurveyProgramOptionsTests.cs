using Microsoft.Extensions.Configuration;
using Nps.Fatigue;
using Nps.Sampling;

namespace Nps.Tests.Sampling;

public sealed class SurveyProgramOptionsTests
{
    [Fact]
    public void Validate_InviteAll_HasNoErrors()
    {
        Assert.Empty(TestProgram.InviteAll().Errors());
    }

    [Fact]
    public void Validate_MissingKey_ReportsIt()
    {
        var options = TestProgram.InviteAll() with { SamplingKey = "" };
        Assert.Equal([new DataError(0, "SamplingKey", "is required: a secret of at least 16 bytes, base64.")], options.Errors());
    }

    [Theory]
    [InlineData("not base64!", "SamplingKey: must be base64.")]
    [InlineData("c2hvcnQ=", "SamplingKey: must be at least 16 bytes (it is 5).")]
    public void Validate_BadKey_ReportsIt(string key, string error)
    {
        Assert.Equal([error], Messages(TestProgram.InviteAll() with { SamplingKey = key }));
    }

    [Theory]
    [InlineData(-0.1, "Sampling:Policies:0:Rate: must be within [0, 1] (it is -0.1).")]
    [InlineData(1.5, "Sampling:Policies:0:Rate: must be within [0, 1] (it is 1.5).")]
    [InlineData(double.NaN, "Sampling:Policies:0:Rate: must be within [0, 1] (it is NaN).")]
    public void Validate_RateOutsideUnitInterval_ReportsIt(double rate, string error)
    {
        Assert.Equal([error], Messages(TestProgram.InviteAll(o => o with { Sampling = o.Sampling with { Policies = [o.Sampling.Policies[0] with { Rate = rate }] } })));
    }

    [Fact]
    public void Validate_EveryProblem_ReportedWithItsPath()
    {
        var options = new SurveyProgramOptions
        {
            SamplingKey = TestProgram.Key,
            DefaultTimeZone = "Nowhere/Town",
            Fatigue = new()
            {
                Cooldowns =
                [
                    new CooldownOptions { After = CooldownTrigger.Invitation, Days = 0 },
                    new CooldownOptions { After = CooldownTrigger.Response, Days = 30 },
                    new CooldownOptions { After = CooldownTrigger.Response, Days = 60 },
                ],
                FrequencyCaps = [new FrequencyCapOptions { MaxInvitations = 0, WindowDays = 30 }],
                NewCustomerDelay = new NewCustomerDelayOptions { Days = -1 },
                Exclusions = new() { CustomerIds = [""], EmailDomains = ["@example.com"] },
                QuietHours = new QuietHoursOptions { Start = new TimeOnly(8, 0), End = new TimeOnly(8, 0) },
                ContactBudget = new ContactBudgetOptions { MaxContacts = 2, WindowDays = 365, ReservedForTransactional = 2, ReservedForRelational = 1 },
            },
            Sampling = new()
            {
                Policies =
                [
                    new SamplingPolicyOptions { Name = "all", Rate = 0.1 },
                    new SamplingPolicyOptions { Name = "chat", Rate = 1, Scope = new() { Channel = "chat" } },
                    new SamplingPolicyOptions { Name = "all", Rate = 0.2, Scope = new() { Touchpoint = " " }, Quota = new QuotaOptions() },
                    new SamplingPolicyOptions { Name = "" },
                ],
                RelationalCadence = new() { CycleDays = 0 },
            },
        };

        Assert.Equal(
        [
            "DefaultTimeZone: 'Nowhere/Town' is not a known time zone.",
            "Fatigue:Cooldowns:0:Days: must be > 0 (it is 0).",
            "Fatigue:Cooldowns:2: contradicts Fatigue:Cooldowns:1: the same trigger and scope with a different length; keep one.",
            "Fatigue:FrequencyCaps:0:MaxInvitations: must be > 0 (it is 0).",
            "Fatigue:NewCustomerDelay:Days: must be > 0 (it is -1).",
            "Fatigue:Exclusions:CustomerIds:0: must not be empty.",
            "Fatigue:Exclusions:EmailDomains:0: must be a domain such as example.com (no '@', no spaces).",
            "Fatigue:QuietHours: Start and End must differ: equal times leave either no quiet time or no allowed time.",
            "Fatigue:ContactBudget: ReservedForTransactional + ReservedForRelational must be <= MaxContacts.",
            "Sampling:Policies:2:Scope:Touchpoint: must not be empty when set.",
            "Sampling:Policies:2:Quota:MaxInvitations: must be > 0 (it is 0).",
            "Sampling:Policies:2:Quota:PeriodDays: must be > 0 (it is 0).",
            "Sampling:Policies:3:Name: must not be empty.",
            "Sampling:RelationalCadence:CycleDays: must be > 0 (it is 0).",
            "Sampling:Policies:1: is never used: Sampling:Policies:0 comes first and covers its scope (channel=chat); put specific policies first.",
            "Sampling:Policies:2:Name: 'all' is already used by Sampling:Policies:0.",
            "Sampling:Policies:2: is never used: Sampling:Policies:0 comes first and covers its scope (touchpoint= ); put specific policies first.",
            "Sampling:Policies:3: is never used: Sampling:Policies:0 comes first and covers its scope (all events); put specific policies first.",
        ], Messages(options));
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsAtStartUpListingEveryError()
    {
        var options = TestProgram.InviteAll(o => o with { Sampling = o.Sampling with { Policies = [o.Sampling.Policies[0] with { Rate = 2 }] } }) with { SamplingKey = "" };

        var error = Assert.Throws<NpsOptionsException>(() => new TestProgram(options));

        Assert.Equal(2, error.Errors.Count);
        Assert.Equal(
            "The options are invalid:" + Environment.NewLine +
            "- SamplingKey: is required: a secret of at least 16 bytes, base64." + Environment.NewLine +
            "- Sampling:Policies:0:Rate: must be within [0, 1] (it is 2). (Parameter 'options')", error.Message);
    }

    [Fact]
    public void Constructor_NoPolicies_Throws()
    {
        var options = new SurveyProgramOptions { SamplingKey = TestProgram.Key };
        var error = Assert.Throws<NpsOptionsException>(() => new TestProgram(options));
        Assert.Equal([new DataError(0, "Sampling:Policies", "must hold at least one policy: without one nobody is ever invited.")], error.Errors);
    }

    [Fact]
    public void Constructor_CopiesOptions_LaterChangesDoNotAffectTheProgram()
    {
        // The options are immutable; what a caller can still change later is the collections it handed over.
        var invited = TestProgram.InviteAll();
        List<SamplingPolicyOptions> policies = [.. invited.Sampling.Policies];
        List<CooldownOptions> cooldowns = [.. invited.Fatigue.Cooldowns];
        var options = invited with { Sampling = invited.Sampling with { Policies = policies }, Fatigue = invited.Fatigue with { Cooldowns = cooldowns } };
        var t = new TestProgram(options);
        policies[0] = policies[0] with { Rate = 0 };
        cooldowns.Add(new CooldownOptions { After = CooldownTrigger.Invitation, Days = 30 });

        Assert.IsType<InviteDecision>(t.Decide());
        Assert.IsType<InviteDecision>(t.Decide());
    }

    [Fact]
    public void Options_BindFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SamplingKey"] = TestProgram.Key,
            ["DefaultTimeZone"] = "Europe/Amsterdam",
            ["Fatigue:Cooldowns:0:After"] = "Response",
            ["Fatigue:Cooldowns:0:Days"] = "90",
            ["Fatigue:Cooldowns:0:Scope:Kind"] = "Transactional",
            ["Fatigue:FrequencyCaps:0:MaxInvitations"] = "3",
            ["Fatigue:FrequencyCaps:0:WindowDays"] = "365",
            ["Fatigue:Exclusions:EmailDomains:0"] = "ourcompany.com",
            ["Fatigue:QuietHours:Start"] = "20:00",
            ["Fatigue:QuietHours:End"] = "09:00",
            ["Fatigue:QuietHours:AllowedDays:0"] = "Monday",
            ["Fatigue:ContactBudget:MaxContacts"] = "4",
            ["Fatigue:ContactBudget:WindowDays"] = "365",
            ["Fatigue:ContactBudget:ReservedForRelational"] = "1",
            ["Sampling:Policies:0:Name"] = "chat",
            ["Sampling:Policies:0:Rate"] = "1",
            ["Sampling:Policies:0:Scope:Channel"] = "chat",
            ["Sampling:Policies:1:Name"] = "default",
            ["Sampling:Policies:1:Rate"] = "0.1",
            ["Sampling:Policies:1:Scope:Attributes:region"] = "north",
            ["Sampling:RelationalCadence:CycleDays"] = "180",
        }).Build();

        var options = configuration.Get<SurveyProgramOptions>()!;

        Assert.Empty(options.Errors());
        Assert.Equal(CooldownTrigger.Response, options.Fatigue.Cooldowns[0].After);
        Assert.Equal(SurveyKind.Transactional, options.Fatigue.Cooldowns[0].Scope.Kind);
        Assert.Equal(new TimeOnly(20, 0), options.Fatigue.QuietHours!.Start);
        Assert.Equal([DayOfWeek.Monday], options.Fatigue.QuietHours.AllowedDays);
        Assert.Equal(0.1, options.Sampling.Policies[1].Rate);
        Assert.Equal("north", options.Sampling.Policies[1].Scope.Attributes["region"]);
        Assert.Equal(180, options.Sampling.RelationalCadence.CycleDays);
        Assert.True(options.Fatigue.SkipFollowUpContacts);
    }

    [Fact]
    public void Constructor_RulesLookBackFurtherThanLedgerRetention_Throws()
    {
        var options = TestProgram.InviteAll(o => o with { Fatigue = o.Fatigue with { FrequencyCaps = [.. o.Fatigue.FrequencyCaps, new FrequencyCapOptions { MaxInvitations = 2, WindowDays = 730 }] } });
        var ledger = new InMemoryContactLedger(TimeProvider.System);

        var error = Assert.Throws<NpsOptionsException>(() => new SurveyProgram(options, ledger));

        Assert.Equal([new DataError(0, "Fatigue", "The rules look back 730 days, longer than the contact ledger keeps history (400 days).")], error.Errors);
    }

    private static IEnumerable<string> Messages(IValidatableOptions options) => options.Errors().Select(e => e.Message);
}

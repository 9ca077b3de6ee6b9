using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Insights;
using Nps.Segmentation;
using Nps.Sampling;
using Nps.Tests.Sampling;

namespace Nps.Tests.DependencyInjection;

public sealed class AddNpsTests
{
    private const string ValidJson = $$"""
        {
          "Nps": {
            "SamplingKey": "{{TestProgram.Key}}",
            "DefaultTimeZone": "Europe/Amsterdam",
            "Fatigue": {
              "Cooldowns": [ { "After": "Response", "Days": 90 } ],
              "FrequencyCaps": [ { "MaxInvitations": 2, "WindowDays": 30, "Scope": { "Channel": "phone" } } ],
              "QuietHours": { "Start": "21:00", "End": "08:00", "AllowedDays": [ "Monday", "Tuesday" ] }
            },
            "Sampling": {
              "Policies": [ { "Name": "phone", "Rate": 0.25, "Scope": { "Channel": "phone", "Kind": "Transactional" } } ]
            },
            "Reporting": { "MinimumCount": 50, "Level": 0.9, "Method": "Score" },
            "FollowUps": { "DetractorSla": "1.12:00:00" },
            "Themes": [ { "Id": "waiting-time", "Name": "Waiting time", "Keywords": { "en": [ "wait*" ], "nl": [ "wacht*" ] } } ]
          }
        }
        """;

    [Fact]
    public void AddNps_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();
        services.AddNps(o => o with { SamplingKey = TestProgram.Key })
            .AddNps(o => o with { Sampling = o.Sampling with { Policies = [.. o.Sampling.Policies, new SamplingPolicyOptions { Name = "all", Rate = 1 }] } });

        Assert.Single(services, d => d.ServiceType == typeof(SurveyProgram));
        Assert.Single(services, d => d.ServiceType == typeof(IContactLedger));
        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
        Assert.Single(services, d => d.ServiceType == typeof(FollowUpService));
        Assert.Single(services, d => d.ServiceType == typeof(IFollowUpStore));
        Assert.Single(services, d => d.ServiceType == typeof(NpsReportOptions));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<NpsOptions>));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<NpsOptions>>().Value;
        Assert.Equal(TestProgram.Key, options.SamplingKey);
        Assert.Single(options.Sampling.Policies);
        Assert.NotNull(provider.GetRequiredService<SurveyProgram>());
    }

    [Fact]
    public void AddNps_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("services", () => NpsServiceCollectionExtensions.AddNps(null!, o => o));
        Assert.Throws<ArgumentNullException>("services", () => NpsServiceCollectionExtensions.AddNps(null!, new ConfigurationBuilder().Build()));
        Assert.Throws<ArgumentNullException>("configure", () => new ServiceCollection().AddNps((Func<NpsOptions, NpsOptions>)null!));
        Assert.Throws<ArgumentNullException>("configuration", () => new ServiceCollection().AddNps((IConfiguration)null!));
    }

    [Fact]
    public void AddNps_JsonConfiguration_BindsEveryPart()
    {
        using var provider = Build(ValidJson);
        StartupValidator(provider).Validate();
        var options = provider.GetRequiredService<IOptions<NpsOptions>>().Value;

        Assert.Equal("Europe/Amsterdam", options.DefaultTimeZone);
        Assert.Equal(CooldownTrigger.Response, Assert.Single(options.Fatigue.Cooldowns).After);
        Assert.Equal("phone", Assert.Single(options.Fatigue.FrequencyCaps).Scope.Channel);
        Assert.Equal(new TimeOnly(21, 0), options.Fatigue.QuietHours!.Start);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday], options.Fatigue.QuietHours.AllowedDays);
        var policy = Assert.Single(options.Sampling.Policies);
        Assert.Equal((0.25, SurveyKind.Transactional), (policy.Rate, policy.Scope.Kind));
        Assert.Equal((50, 0.9, IntervalMethod.Score), (options.Reporting.MinimumCount, options.Reporting.Level, options.Reporting.Method));
        Assert.Equal(TimeSpan.FromHours(36), provider.GetRequiredService<FollowUpService>().Policy.DetractorSla);
        var report = provider.GetRequiredService<NpsReportOptions>();
        Assert.Equal((50, 0.9, IntervalMethod.Score), (report.MinimumCount, report.Level, report.IntervalMethod));
        Assert.Equal(50, provider.GetRequiredService<CoachingSignalOptions>().MinimumCount);
        var taxonomy = provider.GetRequiredService<ThemeTaxonomy>();
        Assert.Equal("waiting-time", Assert.Single(taxonomy.FindThemes("Ik moest lang wachten")).Id);
    }

    [Fact]
    public void AddNps_NoThemes_UsesTheBuiltInTaxonomy()
    {
        using var provider = new ServiceCollection().AddNps(o => o with
        {
            SamplingKey = TestProgram.Key,
            Sampling = o.Sampling with { Policies = [.. o.Sampling.Policies, new SamplingPolicyOptions { Name = "all", Rate = 1 }] },
        }).BuildServiceProvider();

        Assert.Same(ThemeTaxonomy.Default, provider.GetRequiredService<ThemeTaxonomy>());
    }

    [Fact]
    public void Validate_BadThemePhrase_FailsOnStartNamingTheTheme()
    {
        using var provider = Build(ValidJson.Replace("\"wacht*\"", "\"wa*cht\"", StringComparison.Ordinal));

        var error = Assert.Throws<OptionsValidationException>(() => StartupValidator(provider).Validate());

        Assert.StartsWith("Nps:Themes:0:Keywords:nl:0: 'wa*cht'", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NonPositiveSla_FailsOnStartNamingTheOptionPath()
    {
        using var provider = Build(ValidJson.Replace("\"1.12:00:00\"", "\"-01:00:00\"", StringComparison.Ordinal));

        var error = Assert.Throws<OptionsValidationException>(() => StartupValidator(provider).Validate());

        Assert.Equal("Nps:FollowUps:DetractorSla: must be > 0 (it is -01:00:00).", Assert.Single(error.Failures));
    }

    [Fact]
    public void AddNps_RetentionKeys_BoundIntoThePolicyWithTheRulesLookBack()
    {
        using var provider = Build(ValidJson.Replace("\"Reporting\":", "\"Retention\": { \"Responses\": \"730.00:00:00\", \"Contacts\": \"400.00:00:00\", \"Interval\": \"00:10:00\" },\n    \"Reporting\":", StringComparison.Ordinal));

        StartupValidator(provider).Validate();
        var options = provider.GetRequiredService<IOptions<NpsOptions>>().Value;
        var policy = options.ToRetentionPolicy();

        Assert.Equal((TimeSpan.FromDays(730), TimeSpan.FromDays(400), TimeSpan.FromMinutes(10), 1000),
            (options.Retention.Responses!.Value, options.Retention.Contacts!.Value, options.Retention.Interval, options.Retention.BatchSize));
        Assert.Equal(TimeSpan.FromDays(365), policy.LookBack); // the relational cycle, longer than the 90-day cooldown
        Assert.NotNull(provider.GetRequiredService<Nps.Privacy.IRetentionStore>());
    }

    [Fact]
    public void AddNps_NoRetentionKeys_KeepsEverything()
    {
        using var provider = Build(ValidJson);

        StartupValidator(provider).Validate();

        Assert.False(provider.GetRequiredService<IOptions<NpsOptions>>().Value.ToRetentionPolicy().IsEnabled);
    }

    [Theory]
    [InlineData("\"Contacts\": \"30.00:00:00\"", "Nps:Retention:Contacts: (30.00:00:00) must not be shorter than the 365 days the fatigue rules look back on.")]
    [InlineData("\"Responses\": \"00:00:00\"", "Nps:Retention:Responses: must be > 0 (it is 00:00:00).")]
    [InlineData("\"Contacts\": \"-1.00:00:00\"", "Nps:Retention:Contacts: must be > 0 (it is -1.00:00:00).")]
    [InlineData("\"Interval\": \"00:00:00\"", "Nps:Retention:Interval: must be > 0 (it is 00:00:00).")]
    [InlineData("\"BatchSize\": 0", "Nps:Retention:BatchSize: must be from 1 to 100000 (it is 0).")]
    public void Validate_BadRetention_FailsOnStartNamingTheOptionPath(string retention, string expected)
    {
        using var provider = Build(ValidJson.Replace("\"Reporting\":", $"\"Retention\": {{ {retention} }},\n    \"Reporting\":", StringComparison.Ordinal));

        var error = Assert.Throws<OptionsValidationException>(() => StartupValidator(provider).Validate());

        Assert.Equal(expected, Assert.Single(error.Failures));
    }

    [Fact]
    public async Task AddNps_JsonConfiguration_ProgramDecides()
    {
        using var provider = Build(ValidJson, services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestProgram.Start)));
        var program = provider.GetRequiredService<SurveyProgram>();

        var decision = await program.DecideAsync(TestProgram.Event(), TestContext.Current.CancellationToken);

        Assert.Equal(TestProgram.Start, decision.DecidedAt);
        Assert.Equal("phone", decision.Draw!.Value.Policy);
    }

    [Fact]
    public void Validate_BadRuleValue_FailsOnStartNamingTheOptionPath()
    {
        using var provider = Build(ValidJson.Replace("\"Days\": 90", "\"Days\": 0", StringComparison.Ordinal));

        var error = Assert.Throws<OptionsValidationException>(() => StartupValidator(provider).Validate());

        Assert.Equal("Nps:Fatigue:Cooldowns:0:Days: must be > 0 (it is 0).", Assert.Single(error.Failures));
    }

    [Fact]
    public void Validate_BadReportingLevel_FailsOnStartNamingTheMember()
    {
        using var provider = Build(ValidJson.Replace("\"Level\": 0.9", "\"Level\": 1.5", StringComparison.Ordinal));

        var error = Assert.Throws<OptionsValidationException>(() => StartupValidator(provider).Validate());

        Assert.Equal(
            "Nps:Reporting:Level: A confidence level must lie strictly between 0 and 1 (e.g. 0.95); got 1.5.",
            Assert.Single(error.Failures));
    }

    [Fact]
    public void Validate_MissingKey_FailsOnStartListingEveryError()
    {
        var services = new ServiceCollection().AddNps(o => o);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => StartupValidator(provider).Validate());

        Assert.Equal(
            [
                "SamplingKey: is required: a secret of at least 16 bytes, base64.",
                "Sampling:Policies: must hold at least one policy: without one nobody is ever invited.",
            ],
            error.Failures);
    }

    [Fact]
    public async Task AddNps_RegisteredTimeProviderAndLedger_AreUsed()
    {
        var clock = new FakeTimeProvider(TestProgram.Start);
        var ledger = new InMemoryContactLedger(clock);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IContactLedger>(ledger);
        services.AddNps(o => o with
        {
            SamplingKey = TestProgram.Key,
            Sampling = o.Sampling with { Policies = [.. o.Sampling.Policies, new SamplingPolicyOptions { Name = "all", Rate = 1 }] },
        });
        using var provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        Assert.Same(ledger, provider.GetRequiredService<IContactLedger>());
        var decision = await provider.GetRequiredService<SurveyProgram>().DecideAsync(TestProgram.Event(), TestContext.Current.CancellationToken);
        Assert.Equal(DecisionOutcome.Invite, decision.Outcome);
        Assert.Equal(1, ledger.CustomerCount);
    }

    [Fact]
    public void AddNps_NothingRegistered_UsesSystemClockAndInMemoryLedger()
    {
        using var provider = new ServiceCollection().AddNps(o => o with { SamplingKey = TestProgram.Key }).BuildServiceProvider();

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.IsType<InMemoryContactLedger>(provider.GetRequiredService<IContactLedger>());
    }

    [Fact]
    public async Task AddNps_NothingRegistered_InMemoryStoresShareOneLedgerAndDecideOnce()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestProgram.Start));
        services.AddNps(o => o with
        {
            SamplingKey = TestProgram.Key,
            Sampling = o.Sampling with { Policies = [.. o.Sampling.Policies, new SamplingPolicyOptions { Name = "all", Rate = 1 }] },
        });
        using var provider = services.BuildServiceProvider();
        var program = provider.GetRequiredService<SurveyProgram>();
        var intake = provider.GetRequiredService<Nps.Intake.ResponseIntake>();
        var ledger = provider.GetRequiredService<IContactLedger>();

        var first = await program.DecideAsync(TestProgram.Event("C1", "E1"), TestContext.Current.CancellationToken);
        var retry = await program.DecideAsync(TestProgram.Event("C1", "E1"), TestContext.Current.CancellationToken);
        var answer = await intake.SubmitAsync(new SurveyResponse
        {
            ResponseId = "R1", RespondentId = "C1", EventId = "E1", Rating = NpsRating.From(2), RespondedAt = TestProgram.Start,
        }, TestContext.Current.CancellationToken);
        var record = await provider.GetRequiredService<Nps.Customers.CustomerRecords>().ReadAsync("C1", TestContext.Current.CancellationToken);

        Assert.Same(first, retry);
        Assert.Same(ledger, provider.GetRequiredService<IDecisionStore>().Ledger);
        Assert.Equal(Nps.Intake.ResponseIntakeOutcome.Created, answer.Outcome);
        Assert.Equal([ContactKind.Invitation, ContactKind.Response], record.Contacts.Select(c => c.Record.Kind));
        Assert.Equal("fu-R1", Assert.Single(record.FollowUps).Id);
        Assert.Single(await provider.GetRequiredService<IFollowUpStore>().ListAsync(null, TestContext.Current.CancellationToken));
    }

    private static ServiceProvider Build(string json, Action<IServiceCollection>? before = null)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        before?.Invoke(services);
        services.AddNps(configuration.GetSection("Nps"));
        return services.BuildServiceProvider();
    }

    private static IStartupValidator StartupValidator(IServiceProvider provider) => provider.GetRequiredService<IStartupValidator>();
}

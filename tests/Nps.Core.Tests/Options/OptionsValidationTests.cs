using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nps.Ambitions;
using Nps.AspNetCore;
using Nps.AspNetCore.Delivery;
using Nps.AspNetCore.Security;
using Nps.AspNetCore.Survey;
using Nps.Data;
using Nps.Delivery;
using Nps.Fatigue;
using Nps.Huddle;
using Nps.Insights;
using Nps.Intake;
using Nps.Sampling;
using Nps.Segmentation;
using Nps.Tests.Sampling;

namespace Nps.Tests.Options;

/// <summary>Every options type checks itself through <see cref="IValidatableOptions"/>, naming configuration paths, however it was made.</summary>
public sealed class OptionsValidationTests
{
    private static readonly DateOnly Day = new(2026, 3, 1);

    /// <summary>One invalid value per options type, built in code, and the field its error must name.</summary>
    public static TheoryData<string, IValidatableOptions, string> InvalidInCode => new()
    {
        { "SurveyProgramOptions", new SurveyProgramOptions { SamplingKey = "not base64!", Sampling = new() { Policies = [new() { Name = "all", Rate = 1 }] } }, "SamplingKey" },
        { "SamplingOptions", new SamplingOptions { Policies = [new() { Name = "chat", Rate = 1, Scope = new() { Channel = "chat" } }, new() { Name = "rest", Rate = 2 }] }, "Policies:1:Rate" },
        { "SamplingPolicyOptions", new SamplingPolicyOptions { Name = "all", Rate = 1, Quota = new() { MaxInvitations = 0, PeriodDays = 7 } }, "Quota:MaxInvitations" },
        { "QuotaOptions", new QuotaOptions { MaxInvitations = 5, PeriodDays = 0 }, "PeriodDays" },
        { "RelationalCadenceOptions", new RelationalCadenceOptions { CycleDays = 0 }, "CycleDays" },
        { "FatigueOptions", new FatigueOptions { Cooldowns = [new() { After = CooldownTrigger.Response, Days = 0 }] }, "Cooldowns:0:Days" },
        { "CooldownOptions", new CooldownOptions { After = CooldownTrigger.Response, Days = -3 }, "Days" },
        { "FrequencyCapOptions", new FrequencyCapOptions { MaxInvitations = 2, WindowDays = 0 }, "WindowDays" },
        { "ExclusionOptions", new ExclusionOptions { EmailDomains = ["ok.example", "@bad.example"] }, "EmailDomains:1" },
        { "NewCustomerDelayOptions", new NewCustomerDelayOptions { Days = 0 }, "Days" },
        { "QuietHoursOptions", new QuietHoursOptions { AllowedDays = [DayOfWeek.Monday, (DayOfWeek)9] }, "AllowedDays:1" },
        { "ContactBudgetOptions", new ContactBudgetOptions { MaxContacts = 0, WindowDays = 30 }, "MaxContacts" },
        { "DeliveryOptions", new DeliveryOptions { BatchSize = 0 }, "BatchSize" },
        { "InvitationMessageOptions", new InvitationMessageOptions { BaseUrl = new Uri("/relative", UriKind.Relative), OrganisationName = "Acme" }, "BaseUrl" },
        { "ResponseIntakeOptions", new ResponseIntakeOptions { MaxCommentBytes = -1 }, "MaxCommentBytes" },
        { "ThemeAnalysisOptions", new ThemeAnalysisOptions { MinimumMentions = 0 }, "MinimumMentions" },
        { "AmbitionTrackerOptions", new AmbitionTrackerOptions { AsOf = Day, Level = 1 }, "Level" },
        { "HuddleBriefOptions", new HuddleBriefOptions { Team = "care", TopThemes = -1 }, "TopThemes" },
        { "CoachingSignalOptions", new CoachingSignalOptions { HoneymoonPeriods = 0 }, "HoneymoonPeriods" },
        { "NpsReportOptions", new NpsReportOptions { MinimumCount = 0 }, "MinimumCount" },
        { "NpsOptions", new NpsOptions { SamplingKey = TestProgram.Key, Sampling = new() { Policies = [new() { Name = "all", Rate = 1 }] }, Reporting = new() { Level = 1 } }, "Reporting:Level" },
        { "NpsReportingOptions", new NpsReportingOptions { MinimumCount = 0 }, "MinimumCount" },
        { "NpsFollowUpOptions", new NpsFollowUpOptions { CallbackSla = TimeSpan.Zero }, "CallbackSla" },
        { "NpsRetentionOptions", new NpsRetentionOptions { BatchSize = 0 }, "BatchSize" },
        { "NpsThemeOptions", new NpsThemeOptions { Id = " ", Name = "Price", Keywords = new Dictionary<string, IReadOnlyList<string>> { ["en"] = ["price"] } }, "Id" },
        { "DataReaderOptions", new DataReaderOptions { MaxRecordSize = 10 }, "MaxRecordSize" },
        { "PlausibilityLimits", PlausibilityLimits.Default with { MaximumAheadOfClock = TimeSpan.FromHours(-1) }, "MaximumAheadOfClock" },
        { "DataReaderOptions", new DataReaderOptions { Limits = PlausibilityLimits.Default with { MinimumInclusionProbability = 0 } }, "Limits:MinimumInclusionProbability" },
        { "NpsWebOptions", new NpsWebOptions { MaxQueuedReports = -1 }, "MaxQueuedReports" },
        { "NpsDeliveryOptions", new NpsDeliveryOptions { StuckAfter = TimeSpan.Zero }, "StuckAfter" },
        { "NpsDeliveryOptions", new NpsDeliveryOptions { Smtp = new() { Host = "smtp.example.test", From = "survey@example.test" }, BaseUrl = "survey" }, "BaseUrl" },
        { "NpsSmtpOptions", new NpsSmtpOptions { Host = "smtp.example.test", From = "not an address" }, "From" },
        { "NpsSurveyOptions", new NpsSurveyOptions { Questions = [.. Enumerable.Range(0, 11).Select(i => new SurveyQuestionOptions { Id = $"q{i}", Text = { ["en"] = "Why?" } })] }, "Questions" },
        { "SurveyQuestionOptions", new SurveyQuestionOptions { Id = "ease", Text = { ["en"] = " " } }, "Text" },
        { "SurveyChoiceOptions", new SurveyChoiceOptions { Value = " easy" }, "Value" },
        { "SurveyRateLimitOptions", new SurveyRateLimitOptions { PerAddress = 0 }, "PerAddress" },
        { "ApiKeyOptions", new ApiKeyOptions { ApiKeys = [new() { Name = " ", Key = "a-key-of-sixteen+", Role = "survey" }] }, "ApiKeys:0:Name" },
        { "JwtOptions", new JwtOptions { SigningKey = Convert.ToBase64String(new byte[32]), Issuers = ["https://id.example.test"] }, "Audiences" },
    };

    [Theory]
    [MemberData(nameof(InvalidInCode))]
    public void Validate_InvalidValueBuiltInCode_NamesItsPath(string type, IValidatableOptions options, string field)
    {
        Assert.StartsWith(type, options.GetType().Name, StringComparison.Ordinal);
        var error = Assert.Single(options.Errors(), e => e.Field?.StartsWith(field.Split(':')[0], StringComparison.Ordinal) == true);
        Assert.Equal(field, error.Field);
        Assert.Equal(0, error.Line);

        var nested = options.Errors(new OptionsPath("Nps:Section"));
        Assert.Contains(nested, e => e.Field == "Nps:Section:" + field && e.Reason == error.Reason);
        Assert.Equal(error.Reason, Assert.Throws<NpsOptionsException>(() => OptionsValidation.ThrowIfInvalid(options, "options")).Errors.First(e => e.Field == field).Reason);
    }

    [Fact]
    public void Validate_DefaultsOfEveryOptionsTypeWithoutRequiredValues_AreValid()
    {
        IValidatableOptions[] defaults =
        [
            new SamplingPolicyOptions { Name = "all" }, new QuotaOptions { MaxInvitations = 1, PeriodDays = 1 }, new RelationalCadenceOptions(),
            new FatigueOptions(), new ExclusionOptions(), new QuietHoursOptions(), new DeliveryOptions(), new ResponseIntakeOptions(),
            new ThemeAnalysisOptions(), new AmbitionTrackerOptions { AsOf = Day }, new HuddleBriefOptions { Team = "care" },
            new CoachingSignalOptions(), new NpsReportOptions(), new NpsReportingOptions(), new NpsFollowUpOptions(),
            new NpsRetentionOptions(), DataReaderOptions.Default, new NpsWebOptions(), new NpsDeliveryOptions(), new NpsSmtpOptions(),
            new NpsSurveyOptions(), new SurveyRateLimitOptions(), new ApiKeyOptions(), new JwtOptions(),
        ];

        Assert.All(defaults, options => Assert.Empty(options.Errors()));
    }

    /// <summary>The same invalid value as configuration keys (bound by AddNps through BindNpsOptions) and in code.</summary>
    public static TheoryData<string, string, Func<NpsOptions, NpsOptions>, string> InvalidBound => new()
    {
        { "Sampling:Policies:1:Rate", "2", o => o with { Sampling = o.Sampling with { Policies = [new() { Name = "all", Rate = 1, Scope = new() { Channel = "chat" } }, new() { Name = "rest", Rate = 2 }] } }, "must be within [0, 1] (it is 2)." },
        { "Fatigue:Cooldowns:0:Days", "0", o => o with { Fatigue = o.Fatigue with { Cooldowns = [new() { After = CooldownTrigger.Response, Days = 0 }] } }, "must be > 0 (it is 0)." },
        { "Fatigue:FrequencyCaps:0:WindowDays", "0", o => o with { Fatigue = o.Fatigue with { FrequencyCaps = [new() { MaxInvitations = 1, WindowDays = 0 }] } }, "must be > 0 (it is 0)." },
        { "Fatigue:Exclusions:EmailDomains:0", "@x.example", o => o with { Fatigue = o.Fatigue with { Exclusions = o.Fatigue.Exclusions with { EmailDomains = ["@x.example"] } } }, "must be a domain such as example.com (no '@', no spaces)." },
        { "Fatigue:NewCustomerDelay:Days", "0", o => o with { Fatigue = o.Fatigue with { NewCustomerDelay = new() { Days = 0 } } }, "must be > 0 (it is 0)." },
        { "Fatigue:ContactBudget:WindowDays", "0", o => o with { Fatigue = o.Fatigue with { ContactBudget = new() { WindowDays = 0, MaxContacts = 1 } } }, "must be > 0 (it is 0)." },
        { "Sampling:RelationalCadence:CycleDays", "0", o => o with { Sampling = o.Sampling with { RelationalCadence = o.Sampling.RelationalCadence with { CycleDays = 0 } } }, "must be > 0 (it is 0)." },
        { "Reporting:Level", "1", o => o with { Reporting = o.Reporting with { Level = 1 } }, "A confidence level must lie strictly between 0 and 1 (e.g. 0.95); got 1." },
        { "FollowUps:PassiveSla", "00:00:00", o => o with { FollowUps = o.FollowUps with { PassiveSla = TimeSpan.Zero } }, "must be > 0 (it is 00:00:00)." },
        { "Retention:BatchSize", "0", o => o with { Retention = o.Retention with { BatchSize = 0 } }, "must be from 1 to 100000 (it is 0)." },
    };

    [Theory]
    [MemberData(nameof(InvalidBound))]
    public void AddNps_InvalidValueFromConfigurationOrCode_SameErrorNamingTheKey(string key, string value, Func<NpsOptions, NpsOptions> inCode, string reason)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SamplingKey"] = TestProgram.Key,
            ["Sampling:Policies:0:Name"] = "all",
            ["Sampling:Policies:0:Rate"] = "1",
            [key] = value,
        };
        if (key.StartsWith("Fatigue:Cooldowns", StringComparison.Ordinal)) settings["Fatigue:Cooldowns:0:After"] = "Response";
        if (key.StartsWith("Fatigue:FrequencyCaps", StringComparison.Ordinal)) settings["Fatigue:FrequencyCaps:0:MaxInvitations"] = "1";
        if (key.StartsWith("Fatigue:ContactBudget", StringComparison.Ordinal)) settings["Fatigue:ContactBudget:MaxContacts"] = "1";
        if (key.StartsWith("Sampling:Policies:1", StringComparison.Ordinal)) (settings["Sampling:Policies:0:Scope:Channel"], settings["Sampling:Policies:1:Name"]) = ("chat", "rest");
        var root = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var bound = StartupFailures(new ServiceCollection().AddNps(root));
        var sectioned = StartupFailures(new ServiceCollection().AddNps(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create("Nps:" + s.Key, s.Value))).Build().GetSection("Nps")));
        var coded = StartupFailures(new ServiceCollection().AddNps(o => inCode(o with
        {
            SamplingKey = TestProgram.Key,
            Sampling = o.Sampling with { Policies = [new SamplingPolicyOptions { Name = "all", Rate = 1 }] },
        })));

        Assert.Equal([$"{key}: {reason}"], bound);
        Assert.Equal(bound, coded);
        Assert.Equal([$"Nps:{key}: {reason}"], sectioned);
    }

    private static string[] StartupFailures(IServiceCollection services)
    {
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<NpsOptions>>().Value);
        return [.. error.Failures];
    }

    [Fact]
    public void EveryPublicOptionsType_ValidatesItselfThroughTheOneMechanism()
    {
        Assembly[] shipped =
        [
            typeof(SurveyProgramOptions).Assembly, typeof(NpsOptions).Assembly, typeof(DataReaderOptions).Assembly,
            typeof(Nps.AspNetCore.NpsWebOptions).Assembly,
        ];
        var options = shipped.SelectMany(a => a.GetExportedTypes()).Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) && !t.IsInterface && !t.IsAbstract).ToList();

        var outside = options.Where(t => !typeof(IValidatableOptions).IsAssignableFrom(t)).Select(t => t.FullName!).Order(StringComparer.Ordinal);

        Assert.Empty(outside);
        Assert.True(options.Count >= 30, $"found only {options.Count} options types");
        Assert.All(options.Where(t => typeof(IValidatableOptions).IsAssignableFrom(t)), t =>
        {
            Assert.True(t.IsSealed, $"{t} is sealed");
            Assert.NotNull(t.GetMethod("<Clone>$")); // a record
            Assert.DoesNotContain(t.GetProperties(), p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(List<>));
        });
    }
}

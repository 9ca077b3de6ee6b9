using System.Globalization;
using Nps.Fatigue;
using Nps.Privacy;
using Nps.Sampling;

namespace Nps;

/// <summary>
/// The whole survey program in one object: the sampling key and time zone, the fatigue rules and sampling
/// policies (the <see cref="SurveyProgramOptions"/> part, at the top level so that a plain survey-program file is
/// also a valid <see cref="NpsOptions"/> file) how reports are computed, how the loop is closed and which comment themes are recognised. Bound from configuration by
/// <see cref="NpsServiceCollectionExtensions.AddNps(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/>
/// or read from a JSON program file by <see cref="Serialization.NpsProgramJson"/>; validated at start-up through
/// <see cref="IValidatableOptions"/>, whose errors name configuration paths.
/// </summary>
public sealed record NpsOptions : IValidatableOptions
{
    /// <summary>The secret key of the keyed sampling hash, base64 (at least 16 bytes). Keep it out of source control.</summary>
    public string SamplingKey { get; init; } = "";

    /// <summary>The IANA time zone used when an event names none (default <c>UTC</c>).</summary>
    public string DefaultTimeZone { get; init; } = "UTC";

    /// <summary>The survey-fatigue rules.</summary>
    public FatigueOptions Fatigue { get; init; } = new();

    /// <summary>The sampling policies and cadence.</summary>
    public SamplingOptions Sampling { get; init; } = new();

    /// <summary>How scores are reported: minimum sample, interval method and confidence level.</summary>
    public NpsReportingOptions Reporting { get; init; } = new();

    /// <summary>Which responses become follow-ups, and their SLAs.</summary>
    public NpsFollowUpOptions FollowUps { get; init; } = new();

    /// <summary>The comment-theme taxonomy; empty means the built-in Dutch and English one (<see cref="Insights.ThemeTaxonomy.Default"/>).</summary>
    public IReadOnlyList<NpsThemeOptions> Themes { get; init; } = [];

    /// <summary>How long responses and contact history are kept (default: forever).</summary>
    public NpsRetentionOptions Retention { get; init; } = new();

    // The sampling key stays out of logs and exception messages that print the options.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture,
            $"SamplingKey = {(SamplingKey.Length == 0 ? "" : "***")}, DefaultTimeZone = {DefaultTimeZone}, Fatigue = {Fatigue}, Sampling = {Sampling}, Reporting = {Reporting}, FollowUps = {FollowUps}, Themes = {Themes}, Retention = {Retention}");
        return true;
    }

    /// <summary>The retention policy these options describe, with the look-back of their rules (validate first).</summary>
    /// <returns>The policy.</returns>
    public RetentionPolicy ToRetentionPolicy() => Retention.ToPolicy(SurveyProgram.LookBackOf(ToSurveyProgramOptions()));

    /// <summary>The theme taxonomy these options describe (validate first).</summary>
    /// <returns>The taxonomy.</returns>
    public Insights.ThemeTaxonomy ToThemeTaxonomy() =>
        Themes is null or { Count: 0 } ? Insights.ThemeTaxonomy.Default : new Insights.ThemeTaxonomy(Themes.Select(t => t.ToTheme()));

    /// <summary>The survey-program part of these options (shares the rule and policy objects; no copy).</summary>
    /// <returns>The options of a <see cref="SurveyProgram"/>.</returns>
    public SurveyProgramOptions ToSurveyProgramOptions() => new()
    {
        SamplingKey = SamplingKey,
        DefaultTimeZone = DefaultTimeZone,
        Fatigue = Fatigue,
        Sampling = Sampling,
    };

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        ToSurveyProgramOptions().Validate(path, errors);
        var programValid = errors.Count == before;
        errors.Nested(path.Then(nameof(Reporting)), Reporting);
        errors.Nested(path.Then(nameof(FollowUps)), FollowUps);
        errors.Nested(path.Then(nameof(Retention)), Retention);
        // A shorter keeping time would erase what the rules still look back on: refused rather than silently lengthened.
        if (programValid && Retention?.Contacts is { } contacts && contacts > TimeSpan.Zero
            && SurveyProgram.LookBackOf(ToSurveyProgramOptions()) is var lookBack && contacts < lookBack)
        {
            errors.Add(path.Then(nameof(Retention)).Then(nameof(NpsRetentionOptions.Contacts)).Error(
                $"({contacts.ToString("c", CultureInfo.InvariantCulture)}) must not be shorter than the {lookBack.TotalDays.ToString(CultureInfo.InvariantCulture)} days the fatigue rules look back on."));
        }

        var themes = path.Then(nameof(Themes));
        if (Themes is null) errors.Add(themes.Error("must not be null."));
        else if (Themes.Any(t => t is null)) errors.Add(themes.Error("must not hold null entries."));
        else if (Themes.Count > 0 && !Insights.ThemeTaxonomy.TryCreate(Themes.Select(t => t.ToTheme()), out _, out var themeErrors))
        {
            // The taxonomy checks the themes together (ids are unique across them) and names each problem by its place.
            foreach (var problem in themeErrors) errors.Add(NpsThemeOptions.ToOptionsError(themes, problem, single: false));
        }
    }
}

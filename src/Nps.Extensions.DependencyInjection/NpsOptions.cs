using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Nps.Fatigue;
using Nps.Privacy;
using Nps.Sampling;

namespace Nps;

/// <summary>
/// The whole survey program in one object: the sampling key and time zone, the fatigue rules and sampling
/// policies (the <see cref="SurveyProgramOptions"/> part, at the top level so that a plain survey-program file is
/// also a valid <see cref="NpsOptions"/> file) how reports are computed, how the loop is closed and which comment themes are recognised. Bound from configuration by
/// <see cref="NpsServiceCollectionExtensions.AddNps(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/>
/// or read from a JSON program file by <see cref="Serialization.NpsProgramJson"/>; validated at start-up.
/// </summary>
public sealed class NpsOptions
{
    /// <summary>The secret key of the keyed sampling hash, base64 (at least 16 bytes). Keep it out of source control.</summary>
    public string SamplingKey { get; set; } = "";

    /// <summary>The IANA time zone used when an event names none (default <c>UTC</c>).</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>The survey-fatigue rules.</summary>
    public FatigueOptions Fatigue { get; set; } = new();

    /// <summary>The sampling policies and cadence.</summary>
    public SamplingOptions Sampling { get; set; } = new();

    /// <summary>How scores are reported: minimum sample, interval method and confidence level.</summary>
    [Required]
    [ValidateObjectMembers]
    public NpsReportingOptions Reporting { get; set; } = new();

    /// <summary>Which responses become follow-ups, and their SLAs.</summary>
    [Required]
    public NpsFollowUpOptions FollowUps { get; set; } = new();

    /// <summary>The comment-theme taxonomy; empty means the built-in Dutch and English one (<see cref="Insights.ThemeTaxonomy.Default"/>).</summary>
    [Required]
    public List<NpsThemeOptions> Themes { get; set; } = [];

    /// <summary>How long responses and contact history are kept (default: forever).</summary>
    [Required]
    [ValidateObjectMembers]
    public NpsRetentionOptions Retention { get; set; } = new();

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
}

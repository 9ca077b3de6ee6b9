using System.Globalization;
using Microsoft.Extensions.Options;

namespace Nps;

/// <summary>
/// Checks what attributes cannot express (the sampling key, time zones, contradictory rules, shadowed policies)
/// by delegating to <see cref="Sampling.SurveyProgramOptions.Validate"/>, whose errors name the option path;
/// also the follow-up SLAs and the theme taxonomy. Each <see cref="DataError"/> fails start-up as <c>path: reason</c>.
/// </summary>
internal sealed class NpsProgramValidator : IValidateOptions<NpsOptions>
{
    public ValidateOptionsResult Validate(string? name, NpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Errors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => e.Message));
    }

    /// <summary>Every error of both validators, data annotations first.</summary>
    internal static List<DataError> AllErrors(NpsOptions options)
    {
        var errors = new List<DataError>();
        if (new NpsOptionsValidator().Validate(null, options) is { Failed: true, Failures: { } failures }) errors.AddRange(failures.Select(FromAnnotation));
        errors.AddRange(Errors(options));
        return errors;
    }

    private static List<DataError> Errors(NpsOptions options)
    {
        List<DataError> errors = [.. options.ToSurveyProgramOptions().Validate()];
        var programValid = errors.Count == 0;
        if (options.FollowUps is { } followUps)
        {
            Positive(followUps.DetractorSla, "FollowUps:DetractorSla", errors);
            Positive(followUps.CallbackSla, "FollowUps:CallbackSla", errors);
            Positive(followUps.PassiveSla, "FollowUps:PassiveSla", errors);
        }

        if (options.Retention is { } retention)
        {
            if (retention.Responses is { } responses) Positive(responses, "Retention:Responses", errors);
            if (retention.Contacts is { } contacts)
            {
                Positive(contacts, "Retention:Contacts", errors);
                // A shorter keeping time would erase what the rules still look back on: refused rather than silently lengthened.
                if (contacts > TimeSpan.Zero && programValid && Sampling.SurveyProgram.LookBackOf(options.ToSurveyProgramOptions()) is var lookBack && contacts < lookBack)
                {
                    var shown = contacts.ToString("c", CultureInfo.InvariantCulture);
                    errors.Add(new(0, "Retention:Contacts", $"{shown} must not be shorter than the {lookBack.TotalDays.ToString(CultureInfo.InvariantCulture)} days the fatigue rules look back on.", shown));
                }
            }

            Positive(retention.Interval, "Retention:Interval", errors);
        }

        if (options.Themes is { Count: > 0 } themes)
        {
            // The taxonomy names each problem by its place (themes[0].keywords.nl[2]); the option's name replaces the document's.
            if (themes.Exists(t => t is null)) errors.Add(new(0, "Themes", "must not hold null entries."));
            else if (!Insights.ThemeTaxonomy.TryCreate(themes.Select(t => t.ToTheme()), out _, out var themeErrors))
            {
                errors.AddRange(themeErrors.Select(e => e with { Field = e.Field is { } f && f.StartsWith("themes", StringComparison.Ordinal) ? "Themes" + f["themes".Length..] : "Themes" }));
            }
        }

        return errors;
    }

    private static void Positive(TimeSpan value, string path, List<DataError> errors)
    {
        var shown = value.ToString("c", CultureInfo.InvariantCulture);
        if (value <= TimeSpan.Zero) errors.Add(new(0, path, $"must be > 0 (it is {shown}).", shown));
    }

    // The generated data-annotation validator reports "Member: message"; split so the message reads the same.
    private static DataError FromAnnotation(string failure) =>
        failure.IndexOf(": ", StringComparison.Ordinal) is > 0 and var colon ? new(0, failure[..colon], failure[(colon + 2)..]) : new(0, null, failure);
}

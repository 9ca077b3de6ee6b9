using System.Globalization;
using Microsoft.Extensions.Options;

namespace Nps;

/// <summary>
/// Checks what attributes cannot express (the sampling key, time zones, contradictory rules, shadowed policies)
/// by delegating to <see cref="Sampling.SurveyProgramOptions.Validate"/>, whose messages start with the option path;
/// also the follow-up SLAs and the theme taxonomy.
/// </summary>
internal sealed class NpsProgramValidator : IValidateOptions<NpsOptions>
{
    public ValidateOptionsResult Validate(string? name, NpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Errors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every error of both validators, data annotations first.</summary>
    internal static List<string> AllErrors(NpsOptions options)
    {
        var errors = new List<string>();
        if (new NpsOptionsValidator().Validate(null, options) is { Failed: true, Failures: { } failures }) errors.AddRange(failures);
        errors.AddRange(Errors(options));
        return errors;
    }

    private static List<string> Errors(NpsOptions options)
    {
        List<string> errors = [.. options.ToSurveyProgramOptions().Validate()];
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
                    errors.Add($"Retention:Contacts ({contacts.ToString("c", CultureInfo.InvariantCulture)}) must not be shorter than the {lookBack.TotalDays.ToString(CultureInfo.InvariantCulture)} days the fatigue rules look back on.");
                }
            }

            Positive(retention.Interval, "Retention:Interval", errors);
        }

        if (options.Themes is { Count: > 0 } themes)
        {
            // The taxonomy names each problem by its place (themes[0].keywords.nl[2]); the prefix says which option it is.
            if (themes.Exists(t => t is null)) errors.Add("Themes must not hold null entries.");
            else if (!Insights.ThemeTaxonomy.TryCreate(themes.Select(t => t.ToTheme()), out _, out var themeErrors))
            {
                errors.AddRange(themeErrors.Select(e => "Themes: " + e));
            }
        }

        return errors;
    }

    private static void Positive(TimeSpan value, string path, List<string> errors)
    {
        if (value <= TimeSpan.Zero) errors.Add($"{path} must be > 0 (it is {value.ToString("c", CultureInfo.InvariantCulture)}).");
    }
}

using System.Globalization;
using Nps.Fatigue;
using Nps.Touchpoints;

namespace Nps.Sampling;

/// <summary>
/// Everything a <see cref="SurveyProgram"/> needs: the secret sampling key, the default time zone, the fatigue
/// rules and the sampling policies. A plain object model: bind it from configuration or JSON, build it in code;
/// <see cref="Validate"/> checks it (each rule checks itself) and the program refuses to start with any error.
/// </summary>
public sealed record SurveyProgramOptions : IValidatableOptions
{
    /// <summary>The secret key of the keyed sampling hash, base64 (at least 16 bytes). Keep it out of source control.</summary>
    public string SamplingKey { get; init; } = "";

    /// <summary>The IANA time zone used when an event names none (default <c>UTC</c>).</summary>
    public string DefaultTimeZone { get; init; } = "UTC";

    /// <summary>The survey-fatigue rules.</summary>
    public FatigueOptions Fatigue { get; init; } = new();

    /// <summary>The sampling policies and cadence.</summary>
    public SamplingOptions Sampling { get; init; } = new();

    // The sampling key stays out of logs and exception messages that print the options.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture,
            $"SamplingKey = {(SamplingKey.Length == 0 ? "" : "***")}, DefaultTimeZone = {DefaultTimeZone}, Fatigue = {Fatigue}, Sampling = {Sampling}");
        return true;
    }

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ValidateKey(path.Then(nameof(SamplingKey)), errors);
        var zone = path.Then(nameof(DefaultTimeZone));
        if (string.IsNullOrWhiteSpace(DefaultTimeZone)) errors.Add(zone, "must not be empty.");
        else if (!TimeZoneLookup.TryFind(DefaultTimeZone, out _)) errors.Add(zone, $"'{DefaultTimeZone}' is not a known time zone.");
        errors.Nested(path.Then(nameof(Fatigue)), Fatigue);
        errors.Nested(path.Then(nameof(Sampling)), Sampling);
    }

    private void ValidateKey(OptionsPath path, ICollection<DataError> errors)
    {
        if (string.IsNullOrWhiteSpace(SamplingKey))
        {
            errors.Add(path, $"is required: a secret of at least {KeyedSampler.MinimumKeyLength} bytes, base64.");
            return;
        }

        var bytes = new byte[SamplingKey.Length];
        if (!Convert.TryFromBase64String(SamplingKey, bytes, out var length)) errors.Add(path, "must be base64.");
        else if (length < KeyedSampler.MinimumKeyLength)
        {
            errors.Add(path, string.Create(CultureInfo.InvariantCulture, $"must be at least {KeyedSampler.MinimumKeyLength} bytes (it is {length})."));
        }
    }
}

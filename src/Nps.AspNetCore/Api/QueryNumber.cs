using System.Globalization;

namespace Nps.AspNetCore.Api;

/// <summary>
/// A decimal query parameter (invariant culture, <c>0.95</c>) as bound: the value, or the text that is not a number.
/// Binding never fails; the request record checks the range and reports a bad value by its parameter's name.
/// </summary>
internal readonly record struct QueryNumber(double? Value, string Text)
{
    /// <summary>Binds the text; blank is absent (<c>null</c> text).</summary>
    public static bool TryParse(string? text, IFormatProvider? provider, out QueryNumber result)
    {
        result = string.IsNullOrWhiteSpace(text) ? default
            : new QueryNumber(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null, text);
        return true;
    }

    /// <summary>
    /// The confidence level given, in (0, 1); <paramref name="fallback"/> when absent or invalid (then reported under <paramref name="field"/>).
    /// </summary>
    public double Level(FieldErrors errors, string field, double fallback)
    {
        if (Text is null) return fallback;
        if (Value is { } level && NormalDistribution.IsConfidenceLevel(level)) return level;
        errors.Add(field, $"'{Text}' is not a confidence level in (0, 1), e.g. 0.95.");
        return fallback;
    }
}

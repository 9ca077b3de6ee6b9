using System.Globalization;
using System.Text.RegularExpressions;

namespace Nps.Samples.Console.Input;

/// <summary>
/// Parsers for single cells. Each returns <see langword="false"/> with a reason a spreadsheet user understands;
/// all parsing is culture-invariant.
/// </summary>
public static partial class CellParsers
{
    /// <summary>ISO 8601 / RFC 3339 date and time that must carry an offset (<c>Z</c> or <c>±hh:mm</c>).</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(?<offset>Z|z|[+-]\d{2}(:?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoTimestamp();

    /// <summary>Parses a rating: an integer from 0 to 10.</summary>
    public static bool TryParseRating(string? text, out byte rating, out string reason)
    {
        rating = 0;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            reason = "rating is required";
            return false;
        }

        if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 10)
        {
            reason = $"rating must be an integer from 0 to 10, got '{text}'";
            return false;
        }

        rating = (byte)value;
        reason = "";
        return true;
    }

    /// <summary>
    /// Parses an ISO 8601 timestamp with an offset, e.g. <c>2026-03-14T10:15:00+01:00</c> or <c>…Z</c>.
    /// A time without an offset is rejected: it could be any of 26 instants, and periods would shift silently.
    /// </summary>
    public static bool TryParseTimestamp(string? text, out DateTimeOffset value, out string reason)
    {
        value = default;
        var trimmed = text?.Trim() ?? "";
        var match = IsoTimestamp().Match(trimmed);
        if (!match.Success)
        {
            reason = $"'{text}' is not an ISO 8601 date and time such as 2026-03-14T10:15:00+01:00";
            return false;
        }

        if (!match.Groups["offset"].Success)
        {
            reason = $"'{text}' has no UTC offset; write it as e.g. {trimmed}+01:00 or {trimmed}Z";
            return false;
        }

        if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            reason = $"'{text}' is not a valid date and time";
            return false;
        }

        reason = "";
        return true;
    }

    /// <summary>Parses true/false, 1/0 or yes/no (any case); an empty cell is <see langword="false"/>.</summary>
    public static bool TryParseBoolean(string? text, out bool value, out string reason)
    {
        reason = "";
        switch (text?.Trim().ToUpperInvariant())
        {
            case null or "":
            case "FALSE" or "0" or "NO":
                value = false;
                return true;
            case "TRUE" or "1" or "YES":
                value = true;
                return true;
            default:
                value = false;
                reason = $"expected true/false, 1/0 or yes/no, got '{text}'";
                return false;
        }
    }

    /// <summary>Parses a sampling weight: a finite number greater than 0.</summary>
    public static bool TryParseWeight(string? text, out double weight, out string reason)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !double.IsFinite(weight) || weight <= 0)
        {
            reason = $"weight must be a number greater than 0, got '{text}'";
            return false;
        }

        reason = "";
        return true;
    }

    /// <summary>Parses an inclusion probability: a number in (0, 1].</summary>
    public static bool TryParseProbability(string? text, out double probability, out string reason)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out probability) || !(probability > 0 && probability <= 1))
        {
            reason = $"inclusion_probability must be a number greater than 0 and at most 1, got '{text}'";
            return false;
        }

        reason = "";
        return true;
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Nps.Serialization;

namespace Nps.Data;

/// <summary>
/// The field parsers, once, for every host: the readers call them on each cell, the web sample on each JSON field.
/// Each returns <see langword="false"/> with a <see cref="DataError"/> naming the field (line 0: the reader stamps
/// the line); all parsing is culture-invariant and works on UTF-8 without decoding valid input to strings.
/// </summary>
public static class FieldParsers
{
    /// <summary>
    /// Parses a rating: an integer from 0 to 10 (spaces around it allowed), or the same with its scale label
    /// (<c>10 - Extremely likely</c>, <c>Zeer waarschijnlijk 10</c>; one number only, else an error).
    /// </summary>
    /// <param name="utf8">The cell, UTF-8.</param>
    /// <param name="field">The field's name, for the error.</param>
    /// <param name="rating">The rating.</param>
    /// <param name="error">Why not, when not.</param>
    /// <returns>Whether the cell is a rating.</returns>
    public static bool TryParseRating(ReadOnlySpan<byte> utf8, string field, out NpsRating rating, out DataError error)
    {
        var text = Utf8Text.Trim(utf8);
        int value;
        if (text.Length == 1 && (uint)(text[0] - '0') <= 9)
        {
            value = text[0] - '0';
        }
        else if (text.Length == 2 && text[0] == '1' && text[1] == '0')
        {
            value = 10;
        }
        else if (text.IsEmpty)
        {
            rating = default;
            error = new DataError(0, field, $"{field} is required");
            return false;
        }
        else if ((!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value > 10) && !TryParseLabelledRating(text, out value))
        {
            rating = default;
            error = new DataError(0, field, $"{field} must be an integer from 0 to 10, got '{Utf8Text.Show(utf8)}'");
            return false;
        }

        rating = NpsRating.From(value);
        error = default;
        return true;
    }

    /// <summary>
    /// A rating written with its scale label, as survey tools export answers: <c>10 - Extremely likely</c>,
    /// <c>0 - Not at all likely</c>, <c>10 (zeer waarschijnlijk)</c>, <c>Zeer waarschijnlijk 10</c>. The text holds
    /// exactly one number, 0 to 10, at its start or end, set apart from a label that has a letter; anything else (two
    /// numbers as in <c>9/10</c> or <c>9.5</c>, a sign as in <c>-1</c>, a number glued to a word as in <c>9x</c>) is
    /// ambiguous and stays an error.
    /// </summary>
    private static bool TryParseLabelledRating(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        var start = text.IndexOfAnyInRange((byte)'0', (byte)'9');
        if (start < 0) return false;
        var end = start;
        while (end < text.Length && (uint)(text[end] - '0') <= 9) end++;
        if (text[end..].IndexOfAnyInRange((byte)'0', (byte)'9') >= 0) return false; // a second number
        if (!int.TryParse(text[start..end], NumberStyles.None, CultureInfo.InvariantCulture, out value) || value > 10) return false;
        ReadOnlySpan<byte> label;
        if (start == 0)
        {
            label = text[end..];
            if (label.IsEmpty || label[0] is not ((byte)' ' or (byte)'\t' or (byte)'(' or (byte)'-' or (byte)':' or (byte)'=' or (byte)',' or (byte)'.')) return false;
        }
        else if (end == text.Length)
        {
            label = text[..start];
            if (label[^1] is not ((byte)' ' or (byte)'\t' or (byte)'(' or (byte)':' or (byte)'=')) return false;
        }
        else
        {
            return false; // a number inside a label
        }

        // A letter in the label (any non-ASCII byte starts a letter of some script), so "10 -" or "( 9 )" stay errors.
        foreach (var b in label)
        {
            if (b >= 0x80 || (uint)((b | 0x20) - 'a') <= 'z' - 'a') return true;
        }

        return false;
    }

    /// <summary>Parses a rating given as text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="field">The field's name, for the error.</param>
    /// <param name="rating">The rating.</param>
    /// <param name="error">Why not, when not.</param>
    /// <returns>Whether the text is a rating.</returns>
    public static bool TryParseRating(ReadOnlySpan<char> text, string field, out NpsRating rating, out DataError error) =>
        TryParseRating(ToUtf8(text, stackalloc byte[64]), field, out rating, out error);

    /// <summary>Checks a rating given as a number (a JSON body's integer).</summary>
    /// <param name="value">The number.</param>
    /// <param name="field">The field's name, for the error.</param>
    /// <param name="rating">The rating.</param>
    /// <param name="error">Why not, when not.</param>
    /// <returns>Whether the number is a rating.</returns>
    public static bool TryParseRating(int value, string field, out NpsRating rating, out DataError error)
    {
        if (NpsRating.TryCreate(value, out rating))
        {
            error = default;
            return true;
        }

        error = new DataError(0, field, string.Create(CultureInfo.InvariantCulture, $"{field} must be an integer from 0 to 10, got '{value}'"));
        return false;
    }

    /// <summary>
    /// Parses an ISO 8601 / RFC 3339 date and time that carries its UTC offset: <c>2026-03-14T10:15:00+01:00</c>,
    /// <c>…Z</c>, <c>…+0100</c> or <c>…+01</c>; a space may stand for the <c>T</c>; seconds and up to 7 fraction digits
    /// are optional. A time without an offset is rejected, and the error says so: it could be any of 26 instants,
    /// and periods would shift silently.
    /// </summary>
    /// <param name="utf8">The cell, UTF-8.</param>
    /// <param name="field">The field's name, for the error.</param>
    /// <param name="value">The time.</param>
    /// <param name="error">Why not, when not.</param>
    /// <returns>Whether the cell is a time with an offset.</returns>
    public static bool TryParseTime(ReadOnlySpan<byte> utf8, string field, out DateTimeOffset value, out DataError error)
    {
        switch (IsoTime.Parse(Utf8Text.Trim(utf8), out value))
        {
            case IsoTime.Result.Ok:
                error = default;
                return true;
            case IsoTime.Result.Empty:
                error = new DataError(0, field, $"{field} is required");
                return false;
            case IsoTime.Result.NoOffset:
                var shown = Utf8Text.Show(Utf8Text.Trim(utf8));
                error = new DataError(0, field, $"'{Utf8Text.Show(utf8)}' has no UTC offset; write it as e.g. {shown}+01:00 or {shown}Z");
                return false;
            case IsoTime.Result.OutOfRange:
                error = new DataError(0, field, $"'{Utf8Text.Show(utf8)}' is not a valid date and time");
                return false;
            default:
                error = new DataError(0, field, $"'{Utf8Text.Show(utf8)}' is not an ISO 8601 date and time such as 2026-03-14T10:15:00+01:00");
                return false;
        }
    }

    /// <summary>Parses a time with offset given as text (see the UTF-8 overload).</summary>
    /// <param name="text">The text.</param>
    /// <param name="field">The field's name, for the error.</param>
    /// <param name="value">The time.</param>
    /// <param name="error">Why not, when not.</param>
    /// <returns>Whether the text is a time with an offset.</returns>
    public static bool TryParseTime(ReadOnlySpan<char> text, string field, out DateTimeOffset value, out DataError error) =>
        TryParseTime(ToUtf8(text, stackalloc byte[128]), field, out value, out error);

    /// <summary>Parses a time with offset and checks it against <paramref name="limits"/> (not too early, not in the future).</summary>
    /// <param name="text">The text.</param>
    /// <param name="field">The field's name, for the error.</param>
    /// <param name="limits">The plausibility limits.</param>
    /// <param name="now">The clock's current time.</param>
    /// <param name="value">The time.</param>
    /// <param name="error">Why not, when not.</param>
    /// <returns>Whether the text is a plausible time with an offset.</returns>
    public static bool TryParsePlausibleTime(ReadOnlySpan<char> text, string field, PlausibilityLimits limits, DateTimeOffset now, out DateTimeOffset value, out DataError error)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return TryParseTime(text, field, out value, out error) && limits.TryCheckTime(value, field, now, out error);
    }

    /// <summary>Parses true/false, 1/0 or yes/no (any case); an empty cell is <see langword="false"/>.</summary>
    /// <param name="utf8">The cell, UTF-8.</param>
    /// <param name="field">The field's name, for the error.</param>
    /// <param name="value">The boolean.</param>
    /// <param name="error">Why not, when not.</param>
    /// <returns>Whether the cell is a boolean.</returns>
    public static bool TryParseBoolean(ReadOnlySpan<byte> utf8, string field, out bool value, out DataError error)
    {
        var text = Utf8Text.Trim(utf8);
        error = default;
        if (text.IsEmpty || Ascii.EqualsIgnoreCase(text, "false"u8) || text.SequenceEqual("0"u8) || Ascii.EqualsIgnoreCase(text, "no"u8))
        {
            value = false;
            return true;
        }

        if (Ascii.EqualsIgnoreCase(text, "true"u8) || text.SequenceEqual("1"u8) || Ascii.EqualsIgnoreCase(text, "yes"u8))
        {
            value = true;
            return true;
        }

        value = false;
        error = new DataError(0, field, $"expected true/false, 1/0 or yes/no, got '{Utf8Text.Show(utf8)}'");
        return false;
    }

    /// <summary>Parses a sampling weight: a finite number greater than 0.</summary>
    /// <param name="utf8">The cell, UTF-8.</param>
    /// <param name="field">The field's name, for the error.</param>
    /// <param name="weight">The weight.</param>
    /// <param name="error">Why not, when not.</param>
    /// <returns>Whether the cell is a weight.</returns>
    public static bool TryParseWeight(ReadOnlySpan<byte> utf8, string field, out double weight, out DataError error)
    {
        if (!double.TryParse(Utf8Text.Trim(utf8), NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !double.IsFinite(weight) || weight <= 0)
        {
            error = new DataError(0, field, $"{field} must be a number greater than 0, got '{Utf8Text.Show(utf8)}'");
            return false;
        }

        error = default;
        return true;
    }

    /// <summary>Parses an inclusion probability: a number in (0, 1].</summary>
    /// <param name="utf8">The cell, UTF-8.</param>
    /// <param name="field">The field's name, for the error.</param>
    /// <param name="probability">The probability.</param>
    /// <param name="error">Why not, when not.</param>
    /// <returns>Whether the cell is a probability.</returns>
    public static bool TryParseProbability(ReadOnlySpan<byte> utf8, string field, out double probability, out DataError error)
    {
        if (!double.TryParse(Utf8Text.Trim(utf8), NumberStyles.Float, CultureInfo.InvariantCulture, out probability))
        {
            error = new DataError(0, field, $"{field} must be a number greater than 0 and at most 1, got '{Utf8Text.Show(utf8)}'");
            return false;
        }

        return TryCheckProbability(probability, field, out error);
    }

    /// <summary>Checks a probability given as a number (a JSON body's number): in (0, 1].</summary>
    /// <param name="probability">The number.</param>
    /// <param name="field">The field's name, for the error.</param>
    /// <param name="error">Why not, when not.</param>
    /// <returns>Whether the number is a probability.</returns>
    public static bool TryCheckProbability(double probability, string field, out DataError error)
    {
        if (!(probability > 0 && probability <= 1))
        {
            error = new DataError(0, field, string.Create(CultureInfo.InvariantCulture,
                $"{field} must be a number greater than 0 and at most 1, got '{probability:R}'"));
            return false;
        }

        error = default;
        return true;
    }

    /// <summary>
    /// Parses a survey kind by its wire name (<c>transactional</c> or <c>relational</c>, case-insensitive, see
    /// <see cref="WireNames"/>); an empty cell is <see cref="SurveyKind.Transactional"/>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="field">The field's name, for the error.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="error">Why not, when not.</param>
    /// <returns>Whether the text names a survey kind.</returns>
    public static bool TryParseSurveyKind(ReadOnlySpan<char> text, string field, out SurveyKind kind, out DataError error)
    {
        var trimmed = text.Trim();
        error = default;
        if (trimmed.IsEmpty)
        {
            kind = SurveyKind.Transactional;
            return true;
        }

        if (WireNames.TryParse(trimmed, out kind) && Enum.IsDefined(kind))
        {
            return true;
        }

        error = new DataError(0, field, $"{field} must be {WireNames.Describe<SurveyKind>()}, got '{Utf8Text.Show(text.ToString())}'");
        return false;
    }

    /// <summary>Parses a survey kind from UTF-8 (see the text overload).</summary>
    /// <param name="utf8">The cell, UTF-8.</param>
    /// <param name="field">The field's name, for the error.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="error">Why not, when not.</param>
    /// <returns>Whether the cell names a survey kind.</returns>
    public static bool TryParseSurveyKind(ReadOnlySpan<byte> utf8, string field, out SurveyKind kind, out DataError error)
    {
        Span<char> chars = stackalloc char[32];
        if (utf8.Length > chars.Length || !Encoding.UTF8.TryGetChars(utf8, chars, out var written))
        {
            kind = SurveyKind.Transactional;
            error = new DataError(0, field, $"{field} must be {WireNames.Describe<SurveyKind>()}, got '{Utf8Text.Show(utf8)}'");
            return false;
        }

        return TryParseSurveyKind(chars[..written], field, out kind, out error);
    }

    /// <summary>Parses an IANA time zone id such as <c>Europe/Amsterdam</c>.</summary>
    /// <param name="text">The id.</param>
    /// <param name="field">The field's name, for the error.</param>
    /// <param name="zone">The zone.</param>
    /// <param name="error">Why not, when not.</param>
    /// <returns>Whether the id names a time zone known to this system.</returns>
    public static bool TryParseTimeZone(string? text, string field, out TimeZoneInfo zone, out DataError error)
    {
        var id = text?.Trim();
        if (!string.IsNullOrEmpty(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found))
        {
            zone = found;
            error = default;
            return true;
        }

        zone = TimeZoneInfo.Utc;
        error = new DataError(0, field, $"'{Utf8Text.Show(text ?? "")}' is not a known IANA time zone (e.g. Europe/Amsterdam)");
        return false;
    }

    /// <summary>
    /// The explicit attributes merged with a JSON body's extra top-level fields: each string value becomes a free
    /// attribute (explicit ones win); an empty key or a value of another kind is an error naming it.
    /// </summary>
    /// <param name="attributes">The explicit attributes, when given.</param>
    /// <param name="extra">The body's unknown fields, when any.</param>
    /// <param name="errors">Receives one error per bad key or value.</param>
    /// <returns>The merged attributes, or <paramref name="attributes"/> itself when there is nothing to merge.</returns>
    public static IReadOnlyDictionary<string, string>? MergeAttributes(
        IReadOnlyDictionary<string, string>? attributes, IEnumerable<KeyValuePair<string, JsonElement>>? extra, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (attributes?.Keys.Any(string.IsNullOrWhiteSpace) == true)
        {
            errors.Add(new DataError(0, "attributes", "keys must not be empty."));
        }

        if (extra is null)
        {
            return attributes;
        }

        Dictionary<string, string>? merged = null;
        foreach (var (name, value) in extra)
        {
            merged ??= attributes is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(attributes, StringComparer.Ordinal);
            if (value.ValueKind != JsonValueKind.String)
            {
                errors.Add(new DataError(0, name, "is not a known field; an extra field is a free dimension and must be a string."));
            }
            else
            {
                merged.TryAdd(name, value.GetString()!);
            }
        }

        return merged ?? attributes;
    }

    /// <summary>The text as UTF-8 in <paramref name="scratch"/> (or a new array when longer).</summary>
    private static ReadOnlySpan<byte> ToUtf8(ReadOnlySpan<char> text, Span<byte> scratch)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
        var target = needed <= scratch.Length ? scratch : new byte[needed];
        var written = Encoding.UTF8.GetBytes(text, target);
        return target[..written];
    }
}

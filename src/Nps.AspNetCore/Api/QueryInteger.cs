using System.Globalization;

namespace Nps.AspNetCore.Api;

/// <summary>
/// A whole-number query parameter (digits only) as bound: the value, or null with the text when it is not one.
/// Binding never fails; the request record checks the range and reports a bad value by its parameter's name.
/// </summary>
internal readonly record struct QueryInteger(int? Value, string Text)
{
    /// <summary>Binds the text; blank is absent (<c>null</c> text).</summary>
    public static bool TryParse(string? text, IFormatProvider? provider, out QueryInteger result)
    {
        result = string.IsNullOrWhiteSpace(text) ? default
            : new QueryInteger(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null, text);
        return true;
    }

    /// <summary>
    /// The value when it lies in [<paramref name="min"/>, <paramref name="max"/>], <paramref name="fallback"/> when
    /// absent; otherwise <paramref name="fallback"/>, and <paramref name="message"/> (given the text) under <paramref name="field"/>.
    /// </summary>
    public int Check(FieldErrors errors, string field, int min, int max, int fallback, Func<string, string> message) =>
        Check(errors, field, min, max, message) ?? fallback;

    /// <summary>
    /// The value when it lies in [<paramref name="min"/>, <paramref name="max"/>]; null when absent, or when not in
    /// range, then with <paramref name="message"/> (given the text) under <paramref name="field"/>.
    /// </summary>
    public int? Check(FieldErrors errors, string field, int min, int max, Func<string, string> message)
    {
        if (Text is null) return null;
        if (Value is { } number && number >= min && number <= max) return number;
        errors.Add(field, message(Text));
        return null;
    }
}

namespace Nps.AspNetCore.Api;

/// <summary>
/// A yes/no query parameter (<c>true</c>/<c>false</c>, any case) as bound: the value, or the text that is neither.
/// Binding never fails, so the request record reports a bad value by its parameter's name (a validation problem),
/// not as a bare 400.
/// </summary>
internal readonly record struct QueryFlag(bool? Value, string? Invalid)
{
    /// <summary>Binds the text; blank is absent (<see cref="Value"/> and <see cref="Invalid"/> null).</summary>
    public static bool TryParse(string? text, IFormatProvider? provider, out QueryFlag result)
    {
        result = string.IsNullOrWhiteSpace(text) ? default
            : bool.TryParse(text.Trim(), out var flag) ? new QueryFlag(flag, null)
            : new QueryFlag(null, text);
        return true;
    }

    /// <summary>The value, <paramref name="fallback"/> when absent or invalid (then reported under <paramref name="field"/>).</summary>
    public bool Check(FieldErrors errors, string field, bool fallback)
    {
        if (Invalid is not null) errors.Add(field, $"'{Invalid}' is not true or false.");
        return Value ?? fallback;
    }
}

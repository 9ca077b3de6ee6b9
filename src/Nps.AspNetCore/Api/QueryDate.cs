namespace Nps.AspNetCore.Api;

/// <summary>
/// A day query parameter (<c>yyyy-MM-dd</c>) as bound: the date, or the text that is not one. Binding never fails;
/// the request record reports a bad value by its parameter's name.
/// </summary>
internal readonly record struct QueryDate(DateOnly? Value, string? Invalid)
{
    /// <summary>Binds the text; blank is absent.</summary>
    public static bool TryParse(string? text, IFormatProvider? provider, out QueryDate result)
    {
        result = string.IsNullOrWhiteSpace(text) ? default
            : IsoDate.TryParse(text, out var date) ? new QueryDate(date, null)
            : new QueryDate(null, text);
        return true;
    }

    /// <summary>Whether the parameter was given (valid or not).</summary>
    public bool IsGiven => Value is not null || Invalid is not null;

    /// <summary>The date; null when absent or invalid (then reported under <paramref name="field"/>).</summary>
    public DateOnly? Check(FieldErrors errors, string field)
    {
        if (Invalid is not null) errors.Add(field, $"must be a date such as 2026-03-14, got '{Invalid}'.");
        return Value;
    }
}

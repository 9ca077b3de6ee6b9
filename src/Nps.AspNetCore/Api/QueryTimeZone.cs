using Nps.Data;

namespace Nps.AspNetCore.Api;

/// <summary>
/// An IANA time zone query parameter as bound: the zone, or the <see cref="DataError"/> of Nps.Data's zone parser.
/// Binding never fails; the request record reports the error under its parameter's name.
/// </summary>
internal readonly record struct QueryTimeZone(TimeZoneInfo? Value, DataError? Error)
{
    /// <summary>Binds the text; empty is absent.</summary>
    public static bool TryParse(string? text, IFormatProvider? provider, out QueryTimeZone result)
    {
        result = string.IsNullOrEmpty(text) ? default
            : FieldParsers.TryParseTimeZone(text, "", out var zone, out var error) ? new QueryTimeZone(zone, null)
            : new QueryTimeZone(null, error);
        return true;
    }

    /// <summary>The zone, <paramref name="fallback"/> when absent or invalid (then reported under <paramref name="field"/>).</summary>
    public TimeZoneInfo Check(FieldErrors errors, string field, TimeZoneInfo fallback)
    {
        if (Error is { } error) errors.Add(error with { Field = field });
        return Value ?? fallback;
    }
}

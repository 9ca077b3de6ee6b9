using Nps.Data;

namespace Nps.AspNetCore.Api;

/// <summary>
/// An instant query parameter as bound: a time with a UTC offset, or a date (<c>yyyy-MM-dd</c>, midnight UTC); when
/// it is neither, the <see cref="DataError"/> of Nps.Data's time parser. Binding never fails; the request record
/// reports the error under its parameter's name.
/// </summary>
internal readonly record struct QueryInstant(DateTimeOffset? Value, DataError? Error)
{
    /// <summary>Binds the text; blank is absent.</summary>
    public static bool TryParse(string? text, IFormatProvider? provider, out QueryInstant result)
    {
        if (string.IsNullOrWhiteSpace(text)) result = default;
        else if (IsoDate.TryParse(text, out var date))
        {
            result = new QueryInstant(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), null);
        }
        else result = FieldParsers.TryParseTime(text, "", out var time, out var error) ? new QueryInstant(time, null) : new QueryInstant(null, error);
        return true;
    }

    /// <summary>The instant; null when absent or invalid (then reported under <paramref name="field"/>).</summary>
    public DateTimeOffset? Check(FieldErrors errors, string field)
    {
        if (Error is { } error) errors.Add(error with { Field = field });
        return Value;
    }
}

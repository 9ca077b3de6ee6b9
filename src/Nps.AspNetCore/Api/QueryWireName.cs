using Nps.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary>
/// An enum query parameter as bound: one of <typeparamref name="T"/>'s wire names (<see cref="WireNames"/>,
/// lower-case kebab, accepted in any case), or the text that is none of them. Binding never fails; the request
/// record reports a bad value by its parameter's name, listing the names.
/// </summary>
/// <typeparam name="T">The enum.</typeparam>
internal readonly record struct QueryWireName<T>(T? Value, string? Invalid)
    where T : struct, Enum
{
    /// <summary>Binds the text; blank is absent.</summary>
    public static bool TryParse(string? text, IFormatProvider? provider, out QueryWireName<T> result)
    {
        result = string.IsNullOrWhiteSpace(text) ? default
            : WireNames.TryParse(text.Trim(), out T value) ? new QueryWireName<T>(value, null)
            : new QueryWireName<T>(null, text);
        return true;
    }

    /// <summary>The value; null when absent or invalid (then reported under <paramref name="field"/> as not <paramref name="what"/>).</summary>
    public T? Check(FieldErrors errors, string field, string what)
    {
        if (Invalid is not null) errors.Add(field, $"'{Invalid}' is not {what}: {WireNames.Describe<T>()}.");
        return Value;
    }
}

using System.Globalization;
using Nps.Segmentation;

namespace Nps.Samples.AspNet.Api;

/// <summary>Query-string values shared by the report and insight routes, reported by name when invalid.</summary>
public static class QueryParsing
{
    public static Period? Period(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Enum.TryParse<Period>(value, ignoreCase: true, out var period) && Enum.IsDefined(period) && !char.IsDigit(value[0])) return period;
        errors.Add(field, $"'{value}' is not a period: day, week, month, quarter or year.");
        return null;
    }

    public static (IntervalMethod Method, string Name) Method(FieldErrors errors, string field, string? value, IntervalMethod fallback)
    {
        switch (value?.ToLowerInvariant())
        {
            case null or "": return (fallback, Name(fallback));
            case "adjusted-wald": return (IntervalMethod.AdjustedWald, "adjusted-wald");
            case "wald": return (IntervalMethod.Wald, "wald");
            case "score": return (IntervalMethod.Score, "score");
            default:
                errors.Add(field, $"'{value}' is not an interval method: adjusted-wald, wald or score.");
                return (fallback, Name(fallback));
        }
    }

    public static double Level(FieldErrors errors, string field, string? value, double fallback)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var level) && level is >= 0.5 and < 1) return level;
        errors.Add(field, $"'{value}' is not a confidence level in [0.5, 1), e.g. 0.95.");
        return fallback;
    }

    /// <summary>A time with offset, or a date (midnight UTC).</summary>
    public static DateTimeOffset? Instant(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return errors.Time(field, value, required: false);
    }

    public static IReadOnlyList<string> Dimensions(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        var names = value.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(string.IsNullOrEmpty)) errors.Add(field, $"'{value}' has an empty dimension name.");
        else if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Length) errors.Add(field, $"'{value}' names a dimension twice.");
        return names;
    }

    public static string Name(IntervalMethod method) => method switch
    {
        IntervalMethod.Wald => "wald",
        IntervalMethod.Score => "score",
        _ => "adjusted-wald",
    };
}

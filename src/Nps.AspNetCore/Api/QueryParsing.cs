using System.Globalization;
using Nps.Segmentation;
using Nps.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary>Query-string values shared by the report and insight routes, reported by name when invalid.</summary>
internal static class QueryParsing
{
    public static Period? Period(FieldErrors errors, string field, string? value) => Wire<Period>(errors, field, value, "a period");

    public static IntervalMethod Method(FieldErrors errors, string field, string? value, IntervalMethod fallback) =>
        Wire<IntervalMethod>(errors, field, value, "an interval method") ?? fallback;

    /// <summary>A wire name of <typeparamref name="T"/> (<see cref="WireNames"/>, case-insensitive); null when absent or invalid.</summary>
    public static T? Wire<T>(FieldErrors errors, string field, string? value, string what)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (WireNames.TryParse(value.Trim(), out T parsed)) return parsed;
        errors.Add(field, $"'{value}' is not {what}: {WireNames.Describe<T>()}.");
        return null;
    }

    /// <summary>A yes/no switch (<c>true</c>/<c>false</c>, case-insensitive); <paramref name="fallback"/> when absent.</summary>
    public static bool Flag(FieldErrors errors, string field, string? value, bool fallback)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (bool.TryParse(value.Trim(), out var flag)) return flag;
        errors.Add(field, $"'{value}' is not true or false.");
        return fallback;
    }

    public static double Level(FieldErrors errors, string field, string? value, double fallback)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var level) && NormalDistribution.IsConfidenceLevel(level)) return level;
        errors.Add(field, $"'{value}' is not a confidence level in (0, 1), e.g. 0.95.");
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

    /// <summary>
    /// The segment-and-period query every report-shaped route takes: <c>by</c> (at most the options' dimensions),
    /// <c>period</c>, and <c>from</c> before <c>to</c>; problems go to <paramref name="errors"/>.
    /// </summary>
    public static (IReadOnlyList<string> Dimensions, Period? Period, DateTimeOffset? From, DateTimeOffset? To) ReportQuery(
        FieldErrors errors, NpsReportOptions defaults, string? by, string? period, string? from, string? to)
    {
        var dimensions = Dimensions(errors, "by", by);
        if (dimensions.Count > defaults.MaxDimensions) errors.Add("by", $"names {dimensions.Count} dimensions; a report groups by at most {defaults.MaxDimensions}.");
        var bucket = Period(errors, "period", period);
        var start = Instant(errors, "from", from);
        var end = Instant(errors, "to", to);
        if (start is { } s && end is { } e && e <= s) errors.Add("to", "must be later than from.");
        return (dimensions, bucket, start, end);
    }

    public static IReadOnlyList<string> Dimensions(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        var names = value.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(string.IsNullOrEmpty)) errors.Add(field, $"'{value}' has an empty dimension name.");
        else if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Length) errors.Add(field, $"'{value}' names a dimension twice.");
        return names;
    }
}

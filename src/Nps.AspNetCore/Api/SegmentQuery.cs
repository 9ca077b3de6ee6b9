using Nps.Segmentation;

namespace Nps.AspNetCore.Api;

/// <summary>
/// The segment-and-period parameters every report-shaped query takes (<c>by</c>, <c>period</c>, <c>from</c>,
/// <c>to</c>), checked once for all of them; problems go to a <see cref="FieldErrors"/> by parameter name.
/// </summary>
internal static class SegmentQuery
{
    /// <summary><c>by</c> (at most the options' dimensions), <c>period</c>, and <c>from</c> before <c>to</c>.</summary>
    public static (IReadOnlyList<string> Dimensions, Period? Period, DateTimeOffset? From, DateTimeOffset? To) Check(
        FieldErrors errors, NpsReportOptions defaults, string? by, QueryWireName<Period>? period, QueryInstant? from, QueryInstant? to)
    {
        var dimensions = Dimensions(errors, "by", by);
        if (dimensions.Count > defaults.MaxDimensions) errors.Add("by", $"names {dimensions.Count} dimensions; a report groups by at most {defaults.MaxDimensions}.");
        var bucket = period.GetValueOrDefault().Check(errors, "period", "a period");
        var (start, end) = Range(errors, from, to);
        return (dimensions, bucket, start, end);
    }

    /// <summary><c>from</c> and <c>to</c>, the second later than the first.</summary>
    public static (DateTimeOffset? From, DateTimeOffset? To) Range(FieldErrors errors, QueryInstant? from, QueryInstant? to)
    {
        var start = from.GetValueOrDefault().Check(errors, "from");
        var end = to.GetValueOrDefault().Check(errors, "to");
        if (start is { } s && end is { } e && e <= s) errors.Add("to", "must be later than from.");
        return (start, end);
    }

    /// <summary>Comma-separated dimension names, none empty or repeated.</summary>
    public static IReadOnlyList<string> Dimensions(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        var names = value.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(string.IsNullOrEmpty)) errors.Add(field, $"'{value}' has an empty dimension name.");
        else if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Length) errors.Add(field, $"'{value}' names a dimension twice.");
        return names;
    }
}

using Microsoft.AspNetCore.Mvc;
using Nps.Segmentation;

namespace Nps.AspNetCore.Api;

/// <summary>
/// The query of <c>GET /api/reports/nps</c>, bound with <c>[AsParameters]</c>: <c>by</c>, <c>period</c>, <c>from</c>,
/// <c>to</c>, <c>level</c>, <c>method</c>, <c>includeUnsolicited</c>. <see cref="Resolve"/> applies it to the
/// configured defaults and reports every invalid value by its parameter's name.
/// </summary>
internal sealed class NpsReportQuery
{
    [FromQuery(Name = "by")] public string? By { get; init; }

    [FromQuery(Name = "period")] public QueryWireName<Period>? Period { get; init; }

    [FromQuery(Name = "from")] public QueryInstant? From { get; init; }

    [FromQuery(Name = "to")] public QueryInstant? To { get; init; }

    [FromQuery(Name = "level")] public QueryNumber? Level { get; init; }

    [FromQuery(Name = "method")] public QueryWireName<IntervalMethod>? Method { get; init; }

    [FromQuery(Name = "includeUnsolicited")] public QueryFlag? IncludeUnsolicited { get; init; }

    /// <summary>The report's options and range; invalid values go to <paramref name="errors"/>.</summary>
    public (NpsReportOptions Options, DateTimeOffset? From, DateTimeOffset? To) Resolve(NpsReportOptions defaults, FieldErrors errors)
    {
        var (dimensions, bucket, start, end) = SegmentQuery.Check(errors, defaults, By, Period, From, To);
        var options = defaults with
        {
            Dimensions = dimensions, Period = bucket,
            Level = Level.GetValueOrDefault().Level(errors, "level", defaults.Level),
            IntervalMethod = Method.GetValueOrDefault().Check(errors, "method", "an interval method") ?? defaults.IntervalMethod,
            IncludeUnsolicited = IncludeUnsolicited.GetValueOrDefault().Check(errors, "includeUnsolicited", defaults.IncludeUnsolicited),
        };
        return (options, start, end);
    }
}

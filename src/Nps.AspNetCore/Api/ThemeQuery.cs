using Microsoft.AspNetCore.Mvc;

namespace Nps.AspNetCore.Api;

/// <summary>
/// The query of <c>GET /api/insights/themes</c>, bound with <c>[AsParameters]</c>: <c>from</c>, <c>to</c>,
/// <c>includeUnsolicited</c>; every invalid value reported by its parameter's name.
/// </summary>
internal sealed class ThemeQuery
{
    [FromQuery(Name = "from")] public QueryInstant? From { get; init; }

    [FromQuery(Name = "to")] public QueryInstant? To { get; init; }

    [FromQuery(Name = "includeUnsolicited")] public QueryFlag? IncludeUnsolicited { get; init; }

    /// <summary>The range and the unsolicited switch; invalid values go to <paramref name="errors"/>.</summary>
    public (DateTimeOffset? From, DateTimeOffset? To, bool IncludeUnsolicited) Resolve(FieldErrors errors)
    {
        var unsolicited = IncludeUnsolicited.GetValueOrDefault().Check(errors, "includeUnsolicited", fallback: false);
        var (start, end) = SegmentQuery.Range(errors, From, To);
        return (start, end, unsolicited);
    }
}

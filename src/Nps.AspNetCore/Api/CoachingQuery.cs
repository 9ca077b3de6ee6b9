using Microsoft.AspNetCore.Mvc;
using Nps.Insights;
using Nps.Segmentation;

namespace Nps.AspNetCore.Api;

/// <summary>
/// The query of <c>GET /api/insights/coaching</c>, bound with <c>[AsParameters]</c>: <c>by</c> (agent or team, any
/// case) and <c>period</c>. <see cref="Resolve"/> applies it to the configured defaults.
/// </summary>
internal sealed class CoachingQuery
{
    [FromQuery(Name = "by")] public string? By { get; init; }

    [FromQuery(Name = "period")] public QueryWireName<Period>? Period { get; init; }

    /// <summary>The detector's options; invalid values go to <paramref name="errors"/>.</summary>
    public CoachingSignalOptions Resolve(CoachingSignalOptions defaults, FieldErrors errors)
    {
        var dimension = string.IsNullOrWhiteSpace(By) ? defaults.Dimension : By.Trim().ToLowerInvariant();
        if (dimension is not ("agent" or "team")) errors.Add("by", $"'{By}' is not a coaching dimension: agent or team.");
        var bucket = Period.GetValueOrDefault().Check(errors, "period", "a period") ?? defaults.Period;
        return defaults with { Dimension = dimension, Period = bucket };
    }
}

using System.ComponentModel.DataAnnotations;
using Nps.Insights;
using Nps.Segmentation;

namespace Nps;

/// <summary>How NPS reports are computed: every score travels with its interval, and small cells say so.</summary>
public sealed class NpsReportingOptions
{
    /// <summary>The smallest number of responses for which a cell shows a score (default 30); below it, "not enough data".</summary>
    [Range(1, int.MaxValue)]
    public int MinimumCount { get; set; } = 30;

    /// <summary>The confidence level of intervals, within [0.5, 0.9999] (default 0.95).</summary>
    [Range(0.5, 0.9999)]
    public double Level { get; set; } = 0.95;

    /// <summary>How intervals are computed (default <see cref="IntervalMethod.AdjustedWald"/>).</summary>
    [EnumDataType(typeof(IntervalMethod))]
    public IntervalMethod Method { get; set; } = IntervalMethod.AdjustedWald;

    /// <summary>
    /// Whether unsolicited responses (that matched no invitation) count in reports and coaching (default false: left out
    /// and counted apart, as manual sends are). Configuration key <c>Nps:Reporting:IncludeUnsolicited</c>.
    /// </summary>
    public bool IncludeUnsolicited { get; set; }

    /// <summary>Report defaults from these options (no dimensions, no period; a report sets its own).</summary>
    /// <returns>The report options.</returns>
    public NpsReportOptions ToReportOptions() => new() { Level = Level, IntervalMethod = Method, MinimumCount = MinimumCount, IncludeUnsolicited = IncludeUnsolicited };

    /// <summary>Coaching-signal defaults from these options (level and minimum n).</summary>
    /// <returns>The signal options.</returns>
    public CoachingSignalOptions ToCoachingSignalOptions() => new() { Level = Level, MinimumCount = MinimumCount, IncludeUnsolicited = IncludeUnsolicited };
}

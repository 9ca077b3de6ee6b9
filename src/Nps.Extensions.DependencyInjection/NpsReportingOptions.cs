using Nps.Insights;
using Nps.Segmentation;

namespace Nps;

/// <summary>How NPS reports are computed: every score travels with its interval, and small cells say so.</summary>
public sealed record NpsReportingOptions : IValidatableOptions
{
    /// <summary>The smallest number of responses for which a cell shows a score (default 30); below it, "not enough data".</summary>
    public int MinimumCount { get; init; } = 30;

    /// <summary>The confidence level of intervals, strictly between 0 and 1 (default 0.95).</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>How intervals are computed (default <see cref="IntervalMethod.AdjustedWald"/>).</summary>
    public IntervalMethod Method { get; init; } = IntervalMethod.AdjustedWald;

    /// <summary>
    /// Whether unsolicited responses (that matched no invitation) count in reports and coaching (default false: left out
    /// and counted apart, as manual sends are). Configuration key <c>Nps:Reporting:IncludeUnsolicited</c>.
    /// </summary>
    public bool IncludeUnsolicited { get; init; }

    /// <summary>Report defaults from these options (no dimensions, no period; a report sets its own).</summary>
    /// <returns>The report options.</returns>
    public NpsReportOptions ToReportOptions() => new() { Level = Level, IntervalMethod = Method, MinimumCount = MinimumCount, IncludeUnsolicited = IncludeUnsolicited };

    /// <summary>Coaching-signal defaults from these options (level and minimum n).</summary>
    /// <returns>The signal options.</returns>
    public CoachingSignalOptions ToCoachingSignalOptions() => new() { Level = Level, MinimumCount = MinimumCount, IncludeUnsolicited = IncludeUnsolicited };

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors) => ToReportOptions().Validate(path, errors);
}

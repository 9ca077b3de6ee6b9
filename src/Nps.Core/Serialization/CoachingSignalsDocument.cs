using Nps.Insights;

namespace Nps.Serialization;

/// <summary>
/// The JSON contract of a run of the coaching-signal detector (<c>nps insights --format json</c>, the web API's
/// <c>GET /api/insights/coaching</c>): only the signals that fired, each with its evidence. Never a leaderboard.
/// </summary>
/// <param name="Dimension">Whom the signals are about: <c>agent</c> or <c>team</c>.</param>
/// <param name="Period">The period of the series (<see cref="WireNames"/>): <c>day</c>, <c>week</c>, <c>month</c>, <c>quarter</c> or <c>year</c>.</param>
/// <param name="Level">The confidence level of intervals and tests, in (0, 1).</param>
/// <param name="MinN">The minimum n for a cell to count as evidence.</param>
/// <param name="Rejected">Invalid input rows that were skipped.</param>
/// <param name="Signals">The signals that fired, in the detector's order.</param>
public sealed record CoachingSignalsDocument(
    string Dimension, string Period, double Level, int MinN, long Rejected, IReadOnlyList<CoachingSignalDocument> Signals)
{
    /// <summary>The document of the signals a detector with <paramref name="options"/> found.</summary>
    /// <param name="signals">The signals.</param>
    /// <param name="options">The options the detector ran with.</param>
    /// <param name="rejected">Invalid input rows that were skipped before the detector saw them.</param>
    /// <returns>The document.</returns>
    public static CoachingSignalsDocument From(IEnumerable<CoachingSignal> signals, CoachingSignalOptions options, long rejected = 0)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(options);
        return new CoachingSignalsDocument(options.Dimension, WireNames.Format(options.Period), options.Level, options.MinimumCount, rejected,
            [.. signals.Select(CoachingSignalDocument.From)]);
    }
}

using Nps.Insights;

namespace Nps.Serialization;

/// <summary>One coaching signal: a prompt for a conversation about one team or agent, with its evidence.</summary>
/// <param name="Kind"><c>underperformance</c>, <c>post-launch-drop</c>, <c>inflation</c> or <c>response-rate-outlier</c> (<see cref="CoachingSignalKinds"/>).</param>
/// <param name="Dimension">The dimension, e.g. <c>agent</c>.</param>
/// <param name="Value">The team or agent id.</param>
/// <param name="Evidence">Why it fired.</param>
public sealed record CoachingSignalDocument(string Kind, string Dimension, string Value, SignalEvidenceDocument Evidence)
{
    /// <summary>The document of a signal.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>The document.</returns>
    public static CoachingSignalDocument From(CoachingSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return new CoachingSignalDocument(signal.Kind, signal.Dimension, signal.Value, SignalEvidenceDocument.From(signal.Evidence));
    }
}

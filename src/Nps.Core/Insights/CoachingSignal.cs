namespace Nps.Insights;

/// <summary>
/// A coaching signal about one team or agent, with its evidence: a prompt for a conversation, never a verdict
/// or a rank. See <see cref="CoachingSignalKinds"/> for the kinds.
/// </summary>
/// <param name="Kind">One of <see cref="CoachingSignalKinds"/>: <c>underperformance</c>, <c>post-launch-drop</c> or <c>inflation</c>.</param>
/// <param name="Dimension">The dimension the signal is about, e.g. <c>"agent"</c> or <c>"team"</c>.</param>
/// <param name="Value">The team or agent id.</param>
/// <param name="Evidence">The numbers behind the signal.</param>
public sealed record CoachingSignal(string Kind, string Dimension, string Value, SignalEvidence Evidence)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Dimension}={Value}: {Evidence}";
}

namespace Nps.Sampling;

/// <summary>
/// The keyed random draw that selected (or did not select) an event: reproducible by anyone holding the key,
/// unpredictable without it.
/// </summary>
/// <param name="Policy">The sampling policy that applied.</param>
/// <param name="Rate">The policy's selection rate: the inclusion probability of a selected event.</param>
/// <param name="Value">The keyed uniform value in [0, 1); the event is selected when it is below <paramref name="Rate"/>.</param>
/// <param name="Selected">Whether the draw selected the event (before quotas).</param>
/// <param name="Input">What was hashed besides the customer id: the event id, or <c>cycle:N</c> for relational surveys.</param>
/// <param name="KeyId">A fingerprint of the sampling key (not the key), so an audit knows which key drew.</param>
public readonly record struct SamplingDraw(string Policy, double Rate, double Value, bool Selected, string Input, string KeyId);

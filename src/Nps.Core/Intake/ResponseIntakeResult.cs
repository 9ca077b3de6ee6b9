namespace Nps.Intake;

/// <summary>The intake's answer for one response.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Stored">The stored response (the earlier one for a retry or a conflict); <see langword="null"/> when invalid.</param>
/// <param name="Errors">Why it was refused (<see cref="ResponseIntakeOutcome.Invalid"/>), each naming its wire field (camelCase, e.g. <c>respondedAt</c>); empty otherwise.</param>
public sealed record ResponseIntakeResult(ResponseIntakeOutcome Outcome, StoredResponse? Stored, IReadOnlyList<DataError> Errors)
{
    /// <summary>Whether the response is stored (now or before) as sent.</summary>
    public bool Accepted => Outcome is ResponseIntakeOutcome.Created or ResponseIntakeOutcome.AlreadyStored;
}

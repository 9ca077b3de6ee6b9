using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;
using Nps.Sampling;

namespace Nps.Stores.Tests;

/// <summary>One instance of every store over one storage (a process's view of it), as the contract suite uses them.</summary>
/// <param name="Ledger">The contact ledger.</param>
/// <param name="Decisions">The decision store over <paramref name="Ledger"/>.</param>
/// <param name="Responses">The response store over the same storage.</param>
/// <param name="FollowUps">The follow-up store over the same storage.</param>
/// <param name="Dispose">Releases the instance (not the storage).</param>
public sealed record StoreSet(IContactLedger Ledger, IDecisionStore Decisions, IResponseStore Responses, IFollowUpStore FollowUps,
    Func<ValueTask>? Dispose = null) : IAsyncDisposable
{
    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Dispose?.Invoke() ?? ValueTask.CompletedTask;
}

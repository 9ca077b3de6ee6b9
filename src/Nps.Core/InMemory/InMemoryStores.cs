using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;
using Nps.Sampling;

namespace Nps.InMemory;

/// <summary>
/// The in-memory stores that share one memory: erasure (<see cref="InMemoryCustomerEraser"/>) and retention
/// (<see cref="InMemoryRetentionStore"/>) each go over all of them. None may be null.
/// </summary>
internal sealed class InMemoryStores(InMemoryContactLedger ledger, InMemoryDecisionStore decisions, InMemoryResponseStore responses, InMemoryFollowUpStore followUps)
{
    /// <summary>The contact ledger.</summary>
    public InMemoryContactLedger Ledger { get; } = ledger ?? throw new ArgumentNullException(nameof(ledger));

    /// <summary>The decision store, with its outbox (<see cref="InMemoryDecisionStore.Invitations"/>).</summary>
    public InMemoryDecisionStore Decisions { get; } = decisions ?? throw new ArgumentNullException(nameof(decisions));

    /// <summary>The response store.</summary>
    public InMemoryResponseStore Responses { get; } = responses ?? throw new ArgumentNullException(nameof(responses));

    /// <summary>The follow-up store.</summary>
    public InMemoryFollowUpStore FollowUps { get; } = followUps ?? throw new ArgumentNullException(nameof(followUps));
}

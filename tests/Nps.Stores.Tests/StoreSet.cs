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
/// <param name="Sql">SQL on the storage from outside the stores (as typed by hand), or <see langword="null"/> for a storage without SQL.</param>
/// <param name="Counts">What counts the stored responses (reading the rollups wherever it can), or <see langword="null"/> when <paramref name="Responses"/> counts them itself.</param>
public sealed record StoreSet(IContactLedger Ledger, IDecisionStore Decisions, IResponseStore Responses, IFollowUpStore FollowUps,
    Func<ValueTask>? Dispose = null, RawSql? Sql = null, Segmentation.INpsCountSource? Counts = null) : IAsyncDisposable
{
    /// <summary>The outbox over the same storage.</summary>
    public required Nps.Delivery.IInvitationStore Invitations { get; init; }

    /// <summary>Erasure over the same storage.</summary>
    public required Nps.Privacy.ICustomerEraser Eraser { get; init; }

    /// <summary>Retention over the same storage.</summary>
    public required Nps.Privacy.IRetentionStore Retention { get; init; }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Dispose?.Invoke() ?? ValueTask.CompletedTask;
}

/// <summary>SQL run on a store's storage on a connection of its own, past the stores (as an operator would type it).</summary>
/// <param name="Execute">Runs one statement.</param>
/// <param name="ResponseCopyColumns">The <c>nps_responses</c> columns to copy when inserting a copy of a row (all but its ids).</param>
public sealed record RawSql(Func<string, CancellationToken, Task> Execute, string ResponseCopyColumns);

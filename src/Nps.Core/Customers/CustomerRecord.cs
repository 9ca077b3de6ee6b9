using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;

namespace Nps.Customers;

/// <summary>
/// Everything kept about one customer: their contacts (invitations, responses, follow-ups, opt-outs), their
/// responses with ratings and comments, their follow-ups, and when they may be surveyed again.
/// </summary>
public sealed record CustomerRecord
{
    /// <summary>The customer.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The ledger's entries, oldest first (an invitation's event id where it is known).</summary>
    public IReadOnlyList<LedgerEntry> Contacts { get; init; } = [];

    /// <summary>The stored responses, oldest answer first.</summary>
    public IReadOnlyList<StoredResponse> Responses { get; init; } = [];

    /// <summary>The follow-ups, by due time.</summary>
    public IReadOnlyList<FollowUpCase> FollowUps { get; init; } = [];

    /// <summary>
    /// When the history rules allow a transactional survey again: <see langword="null"/> when eligible now,
    /// <see cref="DateTimeOffset.MaxValue"/> when never (opted out).
    /// </summary>
    public DateTimeOffset? EligibleAgainAt { get; init; }
}

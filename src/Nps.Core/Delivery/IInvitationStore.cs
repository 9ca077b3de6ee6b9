using Nps.Segmentation;

namespace Nps.Delivery;

/// <summary>
/// Where invitations are kept, beside the decisions, the ledger and the responses of the same storage: the outbox
/// of the survey loop.
/// </summary>
/// <remarks>
/// <para>The contract, for every implementation (in memory, SQLite, a server database):</para>
/// <list type="bullet">
/// <item>An invitation is created only by its decision (<see cref="Sampling.DecisionCommit.Delivery"/>), in the
/// decision's transaction, and marked answered only by the response that answers it, in the response's transaction.</item>
/// <item><see cref="ClaimDueAsync"/> is safe with several claimers on one storage: an invitation is handed to one
/// claimer until its claim lapses (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>; SQLite: the one writer).</item>
/// <item>Marks are idempotent and conditional: marking sent twice, or a reminder already counted, changes nothing and
/// returns <see langword="false"/>; nothing moves an answered, failed, bounced or opted-out invitation back.</item>
/// <item>A sent reminder and an opt-out are recorded in the customer's ledger in the same transaction as the mark
/// (<see cref="Fatigue.ContactKind.Reminder"/>, <see cref="Fatigue.ContactKind.OptOut"/>).</item>
/// <item>Only token hashes are stored; a lookup by hash is one indexed read.</item>
/// <item>A sent invitation past its expiry is marked <see cref="InvitationStatus.Expired"/> by <see cref="ExpireAsync"/> (the
/// outbox runs it every pass; <see cref="SurveyInvitation.StatusAt"/> tells it expired in between). An answer bound to it
/// later, through the API, still marks it answered, whether or not the mark ran first.</item>
/// <item>Response rates are counted in the storage (<see cref="CountSentAsync"/>: one <c>GROUP BY</c>), never by reading
/// every invitation.</item>
/// </list>
/// </remarks>
public interface IInvitationStore
{
    /// <summary>The invitation with an id.</summary>
    /// <param name="invitationId">The id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The invitation, or <see langword="null"/>.</returns>
    ValueTask<SurveyInvitation?> FindAsync(string invitationId, CancellationToken cancellationToken = default);

    /// <summary>The invitation of a customer's event.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="eventId">The event.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The invitation, or <see langword="null"/>.</returns>
    ValueTask<SurveyInvitation?> FindByEventAsync(string customerId, string eventId, CancellationToken cancellationToken = default);

    /// <summary>The invitation whose token has this SHA-256 hash.</summary>
    /// <param name="tokenHash">The hash (<see cref="SurveyTokens.Hash"/>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The invitation, or <see langword="null"/>.</returns>
    ValueTask<SurveyInvitation?> FindByTokenHashAsync(ReadOnlyMemory<byte> tokenHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="limit"/> invitations whose send or reminder is due at <paramref name="now"/> and that
    /// no live claim holds: scheduled ones due, and sent ones unexpired whose reminder is due. Earliest due first.
    /// </summary>
    /// <param name="now">The moment.</param>
    /// <param name="limit">The most to claim (1 to 10,000).</param>
    /// <param name="lease">How long the claim holds (a crashed claimer's work is claimed again after it).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The claims.</returns>
    ValueTask<IReadOnlyList<InvitationClaim>> ClaimDueAsync(DateTimeOffset now, int limit, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks a claim's message sent and releases the claim. For the invitation: status sent, its sent and expiry
    /// times. For a reminder: the reminder counted and recorded in the ledger. Either way the next reminder falls due at
    /// <paramref name="nextDueAt"/> (none when <see langword="null"/>).
    /// </summary>
    /// <param name="claim">The claim.</param>
    /// <param name="sentAt">When it was sent.</param>
    /// <param name="expiresAt">When the link expires (the invitation's; ignored for a reminder).</param>
    /// <param name="nextDueAt">When the next reminder is due, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether this call marked it (false when it was marked before, or the invitation moved on).</returns>
    ValueTask<bool> MarkSentAsync(InvitationClaim claim, DateTimeOffset sentAt, DateTimeOffset expiresAt, DateTimeOffset? nextDueAt,
        CancellationToken cancellationToken = default);

    /// <summary>Releases a claim to try again at <paramref name="dueAt"/> (a transient failure, or quiet hours), counting a failed attempt when <paramref name="failed"/>.</summary>
    /// <param name="invitationId">The invitation.</param>
    /// <param name="dueAt">When to try again.</param>
    /// <param name="failed">Whether an attempt failed (counted in <see cref="SurveyInvitation.Attempts"/>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the invitation was still waiting to be sent or reminded.</returns>
    ValueTask<bool> RetryAsync(string invitationId, DateTimeOffset dueAt, bool failed, CancellationToken cancellationToken = default);

    /// <summary>Ends the outbox's work on an invitation: <see cref="InvitationStatus.Failed"/> with its reason when it was not sent yet; for a sent one only its reminders stop.</summary>
    /// <param name="invitationId">The invitation.</param>
    /// <param name="reason">Why (no address, refused by the server, …; no personal data).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether anything changed.</returns>
    ValueTask<bool> MarkFailedAsync(string invitationId, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a bounce or a complaint. A bounce marks the invitation <see cref="InvitationStatus.Bounced"/>; a complaint
    /// is an opt-out (<see cref="OptOutAsync"/>).
    /// </summary>
    /// <param name="invitationId">The invitation.</param>
    /// <param name="at">When it was reported.</param>
    /// <param name="complaint">Whether the customer complained (an opt-out) rather than the message bouncing.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The invitation after the change, or <see langword="null"/> when there is none with the id.</returns>
    ValueTask<SurveyInvitation?> MarkBouncedAsync(string invitationId, DateTimeOffset at, bool complaint, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the customer's opt-out through an invitation: <see cref="Fatigue.ContactKind.OptOut"/> in the ledger (later
    /// decisions are suppressed with <c>opted-out</c>) and, unless it was answered, the invitation opted out (no reminders).
    /// Idempotent: a second opt-out through the same invitation records nothing.
    /// </summary>
    /// <param name="invitationId">The invitation.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The invitation after the change, or <see langword="null"/> when there is none with the id.</returns>
    ValueTask<SurveyInvitation?> OptOutAsync(string invitationId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The invitations sent in [<paramref name="start"/>, <paramref name="until"/>), by send time (for response rates).</summary>
    /// <param name="start">The first instant included; unbounded when <see langword="null"/>.</param>
    /// <param name="until">The first instant excluded; unbounded when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The invitations, streamed.</returns>
    IAsyncEnumerable<SurveyInvitation> ReadSentAsync(DateTimeOffset? start = null, DateTimeOffset? until = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks every sent invitation whose link expired by <paramref name="now"/> <see cref="InvitationStatus.Expired"/>:
    /// sent, not answered (nor bounced or opted out) and <see cref="SurveyInvitation.ExpiresAt"/> at or before
    /// <paramref name="now"/>. Nothing more is due for it (no reminder). Idempotent.
    /// </summary>
    /// <param name="now">The moment.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many invitations this call marked.</returns>
    ValueTask<int> ExpireAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts the invitations sent in [<see cref="NpsCountQuery.From"/>, <see cref="NpsCountQuery.To"/>) by send time,
    /// grouped by the query's dimensions (read as <see cref="NpsResponseRates"/> reads them: built-in names
    /// case-insensitive, free attributes by exact name, null when absent), by the <see cref="NpsCountQuery.Period"/>
    /// holding the local send date in <see cref="NpsCountQuery.TimeZone"/>, and by the manual flag: how many were sent
    /// and how many of them are answered. Counted in the storage, not by reading each invitation.
    /// </summary>
    /// <param name="query">The dimensions, period, time zone and range (validated first).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>One row per group, in no particular order.</returns>
    IAsyncEnumerable<ResponseRateCountRow> CountSentAsync(NpsCountQuery query, CancellationToken cancellationToken = default);
}

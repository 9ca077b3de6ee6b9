using Nps.Fatigue;
using Nps.FollowUp;

namespace Nps.Intake;

/// <summary>
/// Where survey responses are kept, beside the contact ledger and the follow-up store of the same storage, so
/// that taking in a response is one transaction: the response, its <see cref="ContactKind.Response"/> contact and
/// its follow-up are stored together or not at all.
/// </summary>
/// <remarks>
/// <para>The contract, for every implementation (in memory, SQLite, a server database):</para>
/// <list type="bullet">
/// <item><see cref="AddAsync"/> is idempotent per response id: when a response with the id is stored, it is
/// returned unchanged and nothing is written (no second contact, no second follow-up) — also under concurrent
/// adds of the same id, in this process or another instance on the same storage.</item>
/// <item>Otherwise the response, the contact (appended to the customer's history in the ledger) and the follow-up
/// (added to the follow-up store unless one with its id exists) commit together.</item>
/// <item><see cref="ListAsync"/> pages in the order responses were stored; a cursor stays valid while
/// responses are added (later ones appear on later pages; none is skipped or repeated).</item>
/// <item>Ids are compared ordinally. Nothing stored may later make a read fail.</item>
/// </list>
/// </remarks>
public interface IResponseStore
{
    /// <summary>Stores a response with its contact and follow-up, unless a response with its id is stored.</summary>
    /// <param name="response">The response as it is to be stored.</param>
    /// <param name="contact">The respondent's contact to append to the ledger, or <see langword="null"/> (anonymous).</param>
    /// <param name="followUp">The follow-up to create, or <see langword="null"/> when none is due.</param>
    /// <param name="cancellationToken">Cancels the operation (nothing is stored when cancelled before commit).</param>
    /// <returns>The stored response (the earlier one when there was one) and whether this call stored it.</returns>
    ValueTask<(StoredResponse Stored, bool Added)> AddAsync(StoredResponse response, ContactRecord? contact, FollowUpCase? followUp,
        CancellationToken cancellationToken = default);

    /// <summary>The stored response with an id.</summary>
    /// <param name="responseId">The response id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The response, or <see langword="null"/>.</returns>
    ValueTask<StoredResponse?> FindAsync(string responseId, CancellationToken cancellationToken = default);

    /// <summary>One page of stored responses, in the order they were stored.</summary>
    /// <param name="limit">The most responses on the page (1 to 10,000).</param>
    /// <param name="cursor">The <see cref="ResponsePage.NextCursor"/> of the previous page; <see langword="null"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException"><paramref name="cursor"/> is not a cursor this store handed out.</exception>
    ValueTask<ResponsePage> ListAsync(int limit, string? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>The responses of one respondent, oldest answer first.</summary>
    /// <param name="respondentId">The respondent (customer) id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The responses.</returns>
    ValueTask<IReadOnlyList<StoredResponse>> ListByRespondentAsync(string respondentId, CancellationToken cancellationToken = default);

    /// <summary>The responses answered in [<paramref name="start"/>, <paramref name="until"/>), oldest first (for reports).</summary>
    /// <param name="start">The first instant included; unbounded when <see langword="null"/>.</param>
    /// <param name="until">The first instant excluded; unbounded when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The responses, streamed.</returns>
    IAsyncEnumerable<StoredResponse> ReadAsync(DateTimeOffset? start = null, DateTimeOffset? until = null, CancellationToken cancellationToken = default);
}

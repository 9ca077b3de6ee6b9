namespace Nps.Intake;

/// <summary>
/// A version of the stored responses: a number that changes whenever a stored response is inserted, updated or
/// deleted, so a host can tell that what it computed from the responses (a report, its ETag) is still current
/// without reading them again.
/// </summary>
/// <remarks>
/// <para>The contract, for every implementation (in memory, SQLite, PostgreSQL):</para>
/// <list type="bullet">
/// <item>It changes with every committed change to the stored responses, by any path that writes the storage — the
/// store itself, an import, SQL typed by hand, a bulk <c>INSERT</c> — and only then: it is written in the very
/// transaction that changes the responses, so a reader sees the new version exactly when it sees the new data.</item>
/// <item>Within one storage it only increases, so a version is never handed out again for other data. It starts at a
/// random number, so a storage created anew (or an in-memory store after a restart) does not repeat the versions of
/// the one before it.</item>
/// <item>To tie a result to a version, read the version before and after computing it: when both reads give the
/// same number, nothing was committed in between, so the result is the data of that version (an optimistic read, as
/// a sequence lock). When they differ, the result is current but belongs to no single version.</item>
/// </list>
/// <para>Implemented by the response stores and report counters of the store packages and by
/// <c>InMemoryResponseStore</c>; a source that cannot tell its version does not implement it.</para>
/// </remarks>
public interface IResponseDataVersion
{
    /// <summary>The version of the stored responses, as last committed.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The version.</returns>
    ValueTask<long> GetResponseVersionAsync(CancellationToken cancellationToken = default);
}

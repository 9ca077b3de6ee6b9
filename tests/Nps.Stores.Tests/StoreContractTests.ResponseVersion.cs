using Nps.Intake;

namespace Nps.Stores.Tests;

/// <summary>
/// The contract for the version of the stored responses (<see cref="IResponseDataVersion"/>): it changes with every
/// committed change by any path (the store, SQL typed by hand: insert, update, delete), not with a change that failed,
/// is the same for every instance on one storage, and ties data to it: equal versions read around a read mean the
/// same data, also while writers commit concurrently.
/// </summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task ResponseVersion_AddAndRetry_ChangesOnceSeenByEveryInstance()
    {
        var stores = await OpenAsync();
        var version = Version(stores);
        var intake = Intake(stores);
        var before = await version.GetResponseVersionAsync(Cancel);

        await intake.SubmitAsync(Response("R1", rating: 9), Cancel);
        var added = await version.GetResponseVersionAsync(Cancel);
        await intake.SubmitAsync(Response("R1", rating: 9), Cancel); // a retry stores nothing
        await intake.SubmitAsync(Response("R1", rating: 2), Cancel); // a conflict stores nothing
        var retried = await version.GetResponseVersionAsync(Cancel);
        var other = await OpenAsync();

        Assert.True(added > before, $"{added} after adding, {before} before");
        Assert.Equal(added, retried);
        Assert.Equal(added, await Version(other).GetResponseVersionAsync(Cancel));
    }

    [Fact]
    public async Task ResponseVersion_RawSqlInsertUpdateDelete_EachChanges()
    {
        var stores = await OpenAsync();
        var sql = stores.Sql ?? SkipWithoutSql();
        var version = Version(stores);
        await Intake(stores).SubmitAsync(Response("R1", rating: 9), Cancel);
        var stored = await version.GetResponseVersionAsync(Cancel);

        await sql.Execute($"INSERT INTO nps_responses (response_id, {sql.ResponseCopyColumns}) SELECT 'R2', {sql.ResponseCopyColumns} FROM nps_responses WHERE response_id = 'R1'", Cancel);
        var inserted = await version.GetResponseVersionAsync(Cancel);
        await sql.Execute("UPDATE nps_responses SET rating = 3 WHERE response_id = 'R2'", Cancel);
        var updated = await version.GetResponseVersionAsync(Cancel);
        await sql.Execute("DELETE FROM nps_responses WHERE response_id = 'R1'", Cancel);
        var deleted = await version.GetResponseVersionAsync(Cancel);

        Assert.True(inserted > stored, $"insert: {stored} -> {inserted}");
        Assert.True(updated > inserted, $"update: {inserted} -> {updated}");
        Assert.True(deleted > updated, $"delete: {updated} -> {deleted}");
        Assert.Equal(3, (await stores.Responses.FindAsync("R2", Cancel))!.Response.Rating.Value);
        Assert.Null(await stores.Responses.FindAsync("R1", Cancel));
    }

    [Fact]
    public async Task ResponseVersion_RawSqlInsertThatFails_Unchanged()
    {
        var stores = await OpenAsync();
        var sql = stores.Sql ?? SkipWithoutSql();
        var version = Version(stores);
        await Intake(stores).SubmitAsync(Response("R1", rating: 9), Cancel);
        await Intake(stores).SubmitAsync(Response("R2", rating: 9), Cancel);
        var stored = await version.GetResponseVersionAsync(Cancel);

        // Two rows, the second a duplicate id: the statement fails after the first row's trigger ran, and rolls back whole.
        var insert = $"INSERT INTO nps_responses (response_id, {sql.ResponseCopyColumns}) SELECT CASE response_id WHEN 'R1' THEN 'R3' ELSE 'R1' END, "
            + $"{sql.ResponseCopyColumns} FROM nps_responses WHERE response_id IN ('R1', 'R2')";
        await Assert.ThrowsAnyAsync<Exception>(() => sql.Execute(insert, Cancel));

        Assert.Equal(stored, await version.GetResponseVersionAsync(Cancel));
        Assert.Null(await stores.Responses.FindAsync("R3", Cancel));
    }

    [Fact]
    public async Task ResponseVersion_ConcurrentWritersAndReaders_EqualVersionsMeanEqualData()
    {
        const int writers = 4, perWriter = 25, readers = 2, readsEach = 400;
        var stores = await OpenAsync();
        var version = Version(stores);
        var initial = await version.GetResponseVersionAsync(Cancel);
        var done = 0;

        // Each reader reads the version, the responses, the version again; equal versions tie the data to the version.
        var observed = new System.Collections.Concurrent.ConcurrentBag<(long Version, int Count, string Last)>();
        async Task ReadAsync()
        {
            for (var i = 0; i < readsEach && Volatile.Read(ref done) == 0; i++) await ObserveAsync();
        }

        async Task ObserveAsync()
        {
            var first = await version.GetResponseVersionAsync(Cancel);
            var ids = new List<string>();
            await foreach (var response in stores.Responses.ReadAsync(null, null, Cancel)) ids.Add(response.ResponseId);
            if (await version.GetResponseVersionAsync(Cancel) == first) observed.Add((first, ids.Count, string.Join(",", ids.Order(StringComparer.Ordinal))));
        }

        var reading = Enumerable.Range(0, readers).Select(_ => Task.Run(ReadAsync, Cancel)).ToArray();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                var id = $"W{w}-{i:D2}";
                await stores.Responses.AddAsync(new StoredResponse { Response = Response(id, rating: i % 11, customer: id) }, null, null, Cancel);
            }
        }, Cancel)));
        Volatile.Write(ref done, 1);
        await Task.WhenAll(reading);
        await ObserveAsync(); // nothing is written any more: this one always ties

        var byVersion = observed.GroupBy(o => o.Version).OrderBy(g => g.Key).ToList();
        foreach (var group in byVersion) Assert.Single(group.Select(o => o.Last).Distinct());
        var counts = byVersion.Select(g => g.First().Count).ToList();
        Assert.Equal(counts.Order().Distinct(), counts); // a later version never has fewer (or the same) responses
        Assert.Equal(writers * perWriter, counts[^1]);
        Assert.True(byVersion[^1].Key > initial);
    }

    private static IResponseDataVersion Version(StoreSet stores) => Assert.IsAssignableFrom<IResponseDataVersion>(stores.Responses);

    private static RawSql SkipWithoutSql()
    {
        Assert.Skip("This storage has no SQL: its only write path is the store, checked by the other response-version tests.");
        return null!;
    }
}

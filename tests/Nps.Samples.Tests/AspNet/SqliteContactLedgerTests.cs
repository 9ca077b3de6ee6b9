using Nps.Fatigue;
using Nps.Samples.AspNet.Storage;

namespace Nps.Samples.Tests.AspNet;

public sealed class SqliteContactLedgerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _database = new();
    private readonly SqliteContactLedger _ledger;

    public SqliteContactLedgerTests()
    {
        var database = new SqliteDatabase($"Data Source={_database.Path}");
        database.EnsureCreated();
        _ledger = new SqliteContactLedger(database);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task GetHistory_RecordsInAnyOrder_OldestFirstAndOptOutSeen()
    {
        await _ledger.RecordAsync("C1", ContactRecord.Create(ContactKind.OptOut, Start.AddDays(2)), Token);
        await _ledger.RecordAsync("C1", ContactRecord.Create(ContactKind.Invitation, Start, SurveyKind.Relational), Token);
        await _ledger.RecordAsync("C2", ContactRecord.Create(ContactKind.Response, Start), Token);

        var history = await _ledger.GetHistoryAsync("C1", Token);

        Assert.Equal([ContactKind.Invitation, ContactKind.OptOut], history.Records.ToArray().Select(r => r.Kind));
        Assert.Equal(SurveyKind.Relational, history.Records[0].Survey);
        Assert.True(history.IsOptedOut);
        Assert.Equal(0, (await _ledger.GetHistoryAsync("unknown", Token)).Count);
    }

    [Fact]
    public async Task CheckAndRecord_ConcurrentCallsForOneCustomer_SeeEachOthersRecords()
    {
        // Each call records only if the customer has fewer than 3 invitations: atomicity means exactly 3 get through.
        var calls = Enumerable.Range(0, 50).Select(i => _ledger.CheckAndRecordAsync("C1", history =>
        {
            var allowed = history.Count < 3;
            return new LedgerDecision<bool>(allowed, allowed ? ContactRecord.Create(ContactKind.Invitation, Start.AddMinutes(i)) : null);
        }, Token).AsTask());

        var results = await Task.WhenAll(calls);

        Assert.Equal(3, results.Count(r => r));
        Assert.Equal(3, (await _ledger.GetHistoryAsync("C1", Token)).Count);
    }
}

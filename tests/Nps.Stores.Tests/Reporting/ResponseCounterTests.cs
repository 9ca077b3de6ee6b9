using Nps.Intake;
using Nps.Segmentation;
using Nps.Tests.Segmentation;

namespace Nps.Stores.Tests.Reporting;

/// <summary>
/// Reports counted in a store's SQL equal the in-memory report builder fed the same responses one by one: seeded
/// responses around DST changes (spring and autumn, north and south, a 30-minute shift, a 45-minute offset) and
/// period ends, every period kind, built-in, derived and free dimensions, missing and empty values, manual sends and
/// unequal inclusion probabilities.
/// </summary>
public abstract class ResponseCounterTests : IAsyncLifetime
{
    private const int Responses = 1_200;

    /// <summary>The test's cancellation token.</summary>
    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Opens a store on new storage: where to add responses and what counts them.</summary>
    protected abstract Task<(IResponseStore Store, INpsCountSource Counter)> OpenAsync();

    /// <inheritdoc/>
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <inheritdoc/>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task BuildReportAsync_SeededResponsesAcrossDst_EqualsInMemoryBuilder()
    {
        var (store, counter) = await OpenAsync();
        var responses = CountTestData.Responses(seed: 20261025, count: Responses);
        foreach (var response in responses) await store.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);

        foreach (var options in CountTestData.Options())
        {
            var expected = new NpsReportBuilder(options);
            expected.AddRange(responses);
            var actual = await counter.BuildReportAsync(options, cancellationToken: Cancel);
            Assert.Equal(ReportFingerprint.Of(expected.Build()), ReportFingerprint.Of(actual));
        }
    }

    [Fact]
    public async Task BuildReportAsync_FromTo_CountsOnlyThatRange()
    {
        var (store, counter) = await OpenAsync();
        var responses = CountTestData.Responses(seed: 11, count: 400);
        foreach (var response in responses) await store.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);
        var from = new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero);
        var options = new NpsReportOptions
        {
            Dimensions = ["team"], Period = Period.Day, TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), MinimumCount = 3,
        };

        var expected = new NpsReportBuilder(options);
        expected.AddRange(responses.Where(r => r.RespondedAt >= from && r.RespondedAt < to));
        var actual = await counter.BuildReportAsync(options, from, to, Cancel);

        Assert.Equal(ReportFingerprint.Of(expected.Build()), ReportFingerprint.Of(actual));
    }

    [Fact]
    public async Task CountAsync_AroundTheAutumnChange_LocalDaysOfBerlin()
    {
        var (store, counter) = await OpenAsync();
        // 2026-10-25: Berlin goes from +02:00 to +01:00 at 01:00 UTC. 22:30 UTC on the 24th is 00:30 on the 25th
        // (summer time); 23:30 UTC on the 25th is 00:30 on the 26th (winter time).
        DateTimeOffset[] instants =
        [
            new(2026, 10, 24, 21, 59, 59, TimeSpan.Zero), // 23:59:59 on the 24th
            new(2026, 10, 24, 22, 30, 0, TimeSpan.Zero), // 00:30 on the 25th
            new(2026, 10, 25, 22, 59, 59, TimeSpan.Zero), // 23:59:59 on the 25th
            new(2026, 10, 25, 23, 30, 0, TimeSpan.Zero), // 00:30 on the 26th
        ];
        for (var i = 0; i < instants.Length; i++)
        {
            await store.AddAsync(new StoredResponse
            {
                Response = new SurveyResponse { ResponseId = "R" + i, Rating = NpsRating.From(10), RespondedAt = instants[i] },
            }, null, null, Cancel);
        }

        var rows = new List<NpsCountRow>();
        var query = new NpsCountQuery { Period = Period.Day, TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin") };
        await foreach (var row in counter.CountAsync(query, Cancel)) rows.Add(row);

        Assert.Equal(["2026-10-24:1", "2026-10-25:2", "2026-10-26:1"],
            rows.OrderBy(r => r.Period).Select(r => $"{r.Period!.Value.Label}:{r.Count}"));
    }
}

using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nps.AspNetCore.Api;
using Nps.Segmentation;
using Nps.Serialization;

namespace Nps.Samples.Tests.AspNet;

public sealed class ReportBodyCacheTests
{
    /// <summary>What a result needs to execute (a logger factory), as the host provides it.</summary>
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    private static readonly NpsReportOptions Options = new() { Dimensions = ["team"], Period = Period.Month, MinimumCount = 2 };

    /// <summary>Rows of two teams over three months, with a weighted row so the sums matter to the last bit.</summary>
    private static List<NpsCountRow> Rows()
    {
        var rows = new List<NpsCountRow>();
        for (var month = 1; month <= 3; month++)
        {
            var bucket = TimeBucket.Of(new DateTimeOffset(2026, month, 10, 0, 0, 0, TimeSpan.Zero), Period.Month);
            foreach (var team in new[] { "Billing", "Sales" })
            {
                for (var rating = 0; rating <= 10; rating += 2) rows.Add(NpsCountRow.Unweighted(bucket, [team], NpsRating.From(rating), false, month + rating));
                rows.Add(new NpsCountRow(bucket, [team], NpsRating.From(9), false, 2, 2.5, 3.25, 0.5, 1));
            }
        }

        return rows;
    }

    /// <summary>The bytes the route wrote before it kept bodies: the report built from the rows, its document, <see cref="NpsJson"/>.</summary>
    private static async Task<string> Uncached(List<NpsCountRow> rows) =>
        NpsJson.Serialize(NpsReportDocument.From(await new Counts(rows).BuildReportAsync(Options, cancellationToken: TestContext.Current.CancellationToken)));

    private static async Task<(string Body, HttpResponse Response)> Execute(ReportBodyCache cache, Counts counts)
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        using var body = new MemoryStream();
        context.Response.Body = body;
        var result = ReportRevalidation.Body(await cache.BodyAsync(counts, Options, null, null, TestContext.Current.CancellationToken));
        await result.ExecuteAsync(context);
        await context.Response.BodyWriter.FlushAsync(TestContext.Current.CancellationToken);
        return (System.Text.Encoding.UTF8.GetString(body.ToArray()), context.Response);
    }

    [Fact]
    public async Task BodyAsync_SameCountsTwice_SameBytesAsBuildingWithoutCountingAgainTheBuild()
    {
        var rows = Rows();
        var cache = new ReportBodyCache();
        var counts = new Counts(rows);

        var (first, response) = await Execute(cache, counts);
        var (second, _) = await Execute(cache, counts);

        var expected = await Uncached(rows);
        Assert.Equal(expected, first);
        Assert.Equal(expected, second);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(expected), response.ContentLength);
        Assert.Equal(2, counts.Reads); // the store is asked every time
    }

    [Theory]
    [InlineData("count", true)]
    [InlineData("weight", true)]
    [InlineData("value", true)]
    [InlineData("fewer", true)]
    [InlineData("more", true)]
    [InlineData("last bit of a weight", false)]
    [InlineData("order", false)]
    public async Task BodyAsync_CountsChanged_BuiltFromTheNewCounts(string change, bool changesTheReport)
    {
        var rows = Rows();
        var cache = new ReportBodyCache();
        var counts = new Counts(rows);
        await Execute(cache, counts);
        var last = rows[^1];
        var changed = new List<NpsCountRow>(rows);
        switch (change)
        {
            case "count": changed[5] = changed[5] with { Count = changed[5].Count + 1, WeightSum = changed[5].WeightSum + 1, SquaredWeightSum = changed[5].SquaredWeightSum + 1 }; break;
            case "weight": changed[^1] = last with { WeightSum = last.WeightSum + 0.5 }; break;
            case "last bit of a weight": changed[^1] = last with { WeightSum = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(last.WeightSum) + 1) }; break;
            case "value": changed[0] = changed[0] with { DimensionValues = ["Support"] }; break;
            case "fewer": changed.RemoveAt(changed.Count - 1); break;
            case "more": changed.Add(last with { Rating = NpsRating.From(10) }); break;
            case "order": (changed[0], changed[^1]) = (changed[^1], changed[0]); break;
        }

        counts.Rows = changed;
        var (body, _) = await Execute(cache, counts);

        Assert.Equal(await Uncached(changed), body);
        Assert.Equal(changesTheReport, body != await Uncached(rows));
    }

    [Fact]
    public async Task BodyAsync_OtherOptions_NotTheKeptBody()
    {
        var rows = Rows();
        var cache = new ReportBodyCache();
        var counts = new Counts(rows);
        await Execute(cache, counts);
        var options = Options with { Level = 0.9 };

        var context = new DefaultHttpContext { RequestServices = Services };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await ReportRevalidation.Body(await cache.BodyAsync(counts, options, null, null, TestContext.Current.CancellationToken)).ExecuteAsync(context);
        await context.Response.BodyWriter.FlushAsync(TestContext.Current.CancellationToken);

        var expected = NpsJson.Serialize(NpsReportDocument.From(await counts.BuildReportAsync(options, cancellationToken: TestContext.Current.CancellationToken)));
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public async Task BodyAsync_StoreReusesItsValueArrays_KeptRowsUnchanged()
    {
        var rows = Rows();
        var cache = new ReportBodyCache();
        await Execute(cache, new Counts(rows) { ReuseBuffer = true });

        var (body, _) = await Execute(cache, new Counts(rows));

        Assert.Equal(await Uncached(rows), body);
    }

    /// <summary>A store's counter over rows in memory; optionally writing every row's values into one shared array, as a store may.</summary>
    private sealed class Counts(List<NpsCountRow> rows) : INpsCountSource
    {
        public List<NpsCountRow> Rows { get; set; } = rows;

        public bool ReuseBuffer { get; init; }

        public int Reads { get; private set; }

        public async IAsyncEnumerable<NpsCountRow> CountAsync(NpsCountQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            Reads++;
            var buffer = new string?[1];
            foreach (var row in Rows)
            {
                if (!ReuseBuffer)
                {
                    yield return row;
                    continue;
                }

                buffer[0] = row.DimensionValues[0];
                yield return row with { DimensionValues = buffer };
            }
        }
    }
}

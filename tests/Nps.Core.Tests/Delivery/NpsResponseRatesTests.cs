using FsCheck;
using FsCheck.Fluent;
using Nps.Delivery;
using Nps.Segmentation;

namespace Nps.Core.Tests.Delivery;

public sealed class NpsResponseRatesTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ComputeAsync_ByTeamAndMonth_EqualsIndependentCount()
    {
        var random = new Random(7);
        var invitations = Enumerable.Range(0, 500).Select(i => new SurveyInvitation
        {
            Id = "I" + i, CustomerId = "C" + i, EventId = "E", Team = random.Next(3) == 0 ? null : "T" + random.Next(3),
            SentAt = random.Next(10) == 0 ? null : Start.AddDays(random.Next(90)), IsManual = random.Next(20) == 0,
            Status = random.Next(3) == 0 ? InvitationStatus.Answered : InvitationStatus.Sent,
        }).ToList();
        var options = new NpsReportOptions { Dimensions = ["team"], Period = Period.Month };

        var cells = await NpsResponseRates.ComputeAsync(invitations.ToAsyncEnumerable(), options, TestContext.Current.CancellationToken);

        var counted = invitations.Where(i => i.SentAt is not null && !i.IsManual).ToList();
        Assert.Equal((counted.Count, counted.Count(i => i.Status == InvitationStatus.Answered)), (cells[0].Sent, cells[0].Answered));
        foreach (var group in counted.GroupBy(i => (i.Team ?? NpsReportCell.MissingValue, TimeBucket.Of(i.SentAt!.Value, Period.Month).Label)))
        {
            var cell = Assert.Single(cells, c => c.Dimensions.Count == 2 && c.Dimensions["team"] == group.Key.Item1 && c.Dimensions["period"] == group.Key.Label);
            Assert.Equal((group.LongCount(), group.LongCount(i => i.Status == InvitationStatus.Answered)), (cell.Sent, cell.Answered));
            var (lower, upper) = Wilson(cell.Answered, cell.Sent);
            Assert.Equal(lower, cell.Lower, 1e-9);
            Assert.Equal(upper, cell.Upper, 1e-9);
        }
    }

    [Fact]
    public void WilsonInterval_KnownValue_MatchesPublished()
    {
        // 81 of 263 at 95 %: Newcombe (1998), method 3, gives 0.2553 to 0.3662.
        var (lower, upper) = NpsResponseRates.WilsonInterval(81, 263, 0.95);
        Assert.Equal(0.2553, lower, 4);
        Assert.Equal(0.3662, upper, 4);
    }

    [FsCheck.Xunit.Property]
    public Property WilsonInterval_AnyCounts_ContainsRateWithinUnitInterval() =>
        Prop.ForAll(Gen.Choose(1, 10_000).SelectMany(n => Gen.Choose(0, n).Select(x => (x, n))).ToArbitrary(), t =>
        {
            var (lower, upper) = NpsResponseRates.WilsonInterval(t.x, t.n, 0.95);
            var (l, u) = Wilson(t.x, t.n);
            var rate = (double)t.x / t.n;
            return lower >= 0 && upper <= 1 && lower <= rate + 1e-12 && rate <= upper + 1e-12 && Math.Abs(lower - l) < 1e-9 && Math.Abs(upper - u) < 1e-9;
        });

    // Independent: the textbook form with p̂ and z = 1.959963984540054.
    private static (double, double) Wilson(long x, long n)
    {
        const double z = 1.959963984540054;
        var p = (double)x / n;
        var denominator = 1 + (z * z / n);
        var centre = (p + (z * z / (2 * n))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z * z / (4.0 * n * n)));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}

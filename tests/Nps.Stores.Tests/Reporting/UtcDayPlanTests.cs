using Nps.Reporting;
using Nps.Segmentation;
using Nps.Sqlite.Reporting;

namespace Nps.Stores.Tests.Reporting;

/// <summary>How a count query is planned over the rollups: which UTC months, weeks and days, and which raw hours.</summary>
public sealed class UtcDayPlanTests
{
    private static readonly DateOnly First = new(2025, 1, 1);
    private static readonly DateOnly Last = new(2026, 12, 31);

    private static NpsCountQuery Query(string zone, Period? period, DateTimeOffset? from = null, DateTimeOffset? to = null) => new()
    {
        Dimensions = ["team"], Period = period, TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone), From = from, To = to,
    };

    private static UtcDayPlan Plan(NpsCountQuery query, IReadOnlySet<int>? mixedMonths = null) =>
        UtcDayPlan.Create(query, First.DayNumber, Last.DayNumber, RollupUse.Always, mixedMonths)!;

    [Fact]
    public void Create_LocalMonthsInAmsterdam_EachUtcMonthLessItsLastEveningHours()
    {
        var plan = Plan(Query("Europe/Amsterdam", Period.Month));

        Assert.Equal(24, plan.Months.Count);
        Assert.Equal(new UtcDayPlan.Month(new DateOnly(2025, 3, 1).DayNumber, new DateOnly(2025, 3, 31).DayNumber, new DateOnly(2025, 3, 1).DayNumber), plan.Months[2]);
        Assert.Empty(plan.Weeks);
        Assert.Empty(plan.Days);
        Assert.Empty(plan.Splits);
        Assert.Empty(plan.RawRanges);
        // Each UTC month's last day holds the next local month's midnight (23:00 UTC in winter, 22:00 in summer): only
        // the hour or two after it is read raw, and taken off the month row.
        Assert.Equal(24, plan.MonthSplits.Count);
        var march = plan.MonthSplits[2];
        Assert.Equal(new DateTimeOffset(2025, 3, 31, 22, 0, 0, TimeSpan.Zero).UtcTicks, march.SmallFrom);
        Assert.Equal(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks, march.SmallTo);
        Assert.Equal(new DateOnly(2025, 4, 1).DayNumber, march.SmallPeriod);
        Assert.Equal(new DateOnly(2025, 3, 1).DayNumber, march.LargePeriod);
    }

    [Fact]
    public void Create_LocalMonthsInNewYork_EachUtcMonthLessItsFirstHours()
    {
        var plan = Plan(Query("America/New_York", Period.Month));

        // Local March starts at 05:00 UTC on 1 March: the UTC month's first day is split, its first hours read raw.
        var march = plan.Months.Single(m => m.FirstDay == new DateOnly(2025, 3, 1).DayNumber);
        Assert.Equal(march.FirstDay, march.Period);
        var split = plan.MonthSplits.Single(s => s.Day == march.FirstDay);
        Assert.Equal((new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks, new DateTimeOffset(2025, 3, 1, 5, 0, 0, TimeSpan.Zero).UtcTicks),
            (split.SmallFrom, split.SmallTo));
        Assert.Equal(new DateOnly(2025, 2, 1).DayNumber, split.SmallPeriod);
    }

    [Fact]
    public void Create_MixedMonth_ReadAsWeeksAndDays()
    {
        var march = new DateOnly(2025, 3, 1).DayNumber;

        var plan = Plan(Query("Europe/Amsterdam", Period.Month), new HashSet<int> { march });

        Assert.Equal(23, plan.Months.Count);
        Assert.DoesNotContain(plan.Months, m => m.FirstDay == march);
        Assert.Contains(plan.Weeks, w => w >= march && w < march + 31);
        Assert.Contains(plan.Splits, s => s.Day == march + 30); // 31 March: its day row less its last two hours
    }

    [Fact]
    public void Create_FromInsideAMonth_ThatMonthNotRead()
    {
        var plan = Plan(Query("UTC", Period.Month, from: new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.Zero)));

        Assert.Equal(new DateOnly(2025, 4, 1).DayNumber, plan.Months[0].FirstDay);
        Assert.Empty(plan.MonthSplits);
        Assert.Equal([(new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.Zero).UtcTicks, new DateTimeOffset(2025, 3, 11, 0, 0, 0, TimeSpan.Zero).UtcTicks)], plan.RawRanges);
    }

    [Fact]
    public void Create_DayPeriod_NoMonths()
    {
        Assert.Empty(Plan(Query("Europe/Amsterdam", Period.Day)).Months);
    }

    [Fact]
    public void Create_NoPeriod_EveryWholeUtcMonth()
    {
        var plan = Plan(Query("Asia/Kolkata", null));

        Assert.Equal(24, plan.Months.Count);
        Assert.Empty(plan.MonthSplits);
        Assert.Empty(plan.Days);
    }

    [Fact]
    public void CreateCached_SameArguments_SamePlan()
    {
        var query = Query("Europe/Amsterdam", Period.Month);

        var first = UtcDayPlan.CreateCached(query, First.DayNumber, Last.DayNumber, RollupUse.Always, mixedMonths: null);

        Assert.Same(first, UtcDayPlan.CreateCached(query with { Dimensions = ["agent"] }, First.DayNumber, Last.DayNumber, RollupUse.Always, mixedMonths: null));
        Assert.NotSame(first, UtcDayPlan.CreateCached(query, First.DayNumber, Last.DayNumber - 1, RollupUse.Always, mixedMonths: null));
        var mixed = UtcDayPlan.CreateCached(query, First.DayNumber, Last.DayNumber, RollupUse.Always, new DateOnly(2025, 3, 1).DayNumber + "," + new DateOnly(2025, 4, 1).DayNumber);
        Assert.Equal(22, mixed!.Months.Count);
    }

    [Fact]
    public void CreateCached_OtherZoneOfTheSameId_PlannedAfresh()
    {
        var query = Query("Europe/Amsterdam", Period.Month);
        var real = UtcDayPlan.CreateCached(query, First.DayNumber, Last.DayNumber, RollupUse.Always, mixedMonths: null)!;
        var impostor = TimeZoneInfo.CreateCustomTimeZone("Europe/Amsterdam", TimeSpan.FromHours(-5), "impostor", "impostor");

        var plan = UtcDayPlan.CreateCached(query with { TimeZone = impostor }, First.DayNumber, Last.DayNumber, RollupUse.Always, mixedMonths: null)!;

        Assert.NotSame(real, plan);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 5, 0, 0, TimeSpan.Zero).UtcTicks, plan.MonthSplits.Single(s => s.Day == new DateOnly(2025, 3, 1).DayNumber).SmallTo);
    }
}

using FsCheck.Xunit;
using Nps.Segmentation;
using Nps.Serialization;

namespace Nps.Tests.Segmentation;

/// <summary>
/// The builder orders cells by integer ranks of their periods and values: the orders must be the ones the string
/// comparisons define (the report by period, then values; the document by values, then period), whatever order the
/// rows arrive in, with missing values, a literal "(none)" and several cells sharing a value.
/// </summary>
public sealed class CellOrderTests
{
    private static readonly DateTimeOffset Start = new(2025, 11, 20, 0, 0, 0, TimeSpan.Zero);
    private static readonly string?[] Teams = ["sales", "Care", "care", null, "(none)", "billing", "Zeta", "ä-team"];
    private static readonly string?[] Agents = ["a10", "a2", "a1", null, "b"];

    private static NpsReport Report(int seed, int count, Period? period, params string[] dimensions)
    {
        var random = new Random(seed);
        var builder = new NpsReportBuilder(new NpsReportOptions { Dimensions = dimensions, Period = period, MinimumCount = 3 });
        for (var i = 0; i < count; i++)
        {
            var values = dimensions.Select(d => d == "team" ? Teams[random.Next(Teams.Length)] : Agents[random.Next(Agents.Length)]).ToArray();
            builder.Add(Start.AddDays(random.Next(120)), NpsRating.From(random.Next(11)), values);
        }

        return builder.Build();
    }

    /// <summary>The order the report promised before ranks: period, then each dimension's value, ordinal.</summary>
    private static IEnumerable<NpsReportCell> ByPeriodThenValues(NpsReport report)
    {
        var ordered = report.Cells.OrderBy(c => c.Period);
        foreach (var dimension in report.Options.Dimensions) ordered = ordered.ThenBy(c => c[dimension], StringComparer.Ordinal);
        return ordered;
    }

    /// <summary>The document's order as it was sorted before ranks: a stable sort of the report's cells by values, then period.</summary>
    private static IEnumerable<NpsReportCell> ByValuesThenPeriod(NpsReport report)
    {
        IOrderedEnumerable<NpsReportCell>? ordered = null;
        foreach (var dimension in report.Options.Dimensions)
        {
            ordered = ordered is null ? report.Cells.OrderBy(c => c[dimension], StringComparer.Ordinal) : ordered.ThenBy(c => c[dimension], StringComparer.Ordinal);
        }

        return ordered is null ? report.Cells.OrderBy(c => c.Period) : ordered.ThenBy(c => c.Period);
    }

    private static string Key(NpsReportCell cell) => string.Join('|', cell.Dimensions.Select(d => d.Key + "=" + d.Value));

    private static string Key(NpsReportCellDocument cell) => string.Join('|', cell.Dimensions.Select(d => d.Key + "=" + d.Value));

    [Property(MaxTest = 40)]
    public bool Build_RowsInAnyOrder_CellsByPeriodThenValuesOrdinal(int seed, byte countRaw, byte periodRaw)
    {
        var report = Report(seed, 1 + countRaw, (Period)(periodRaw % 5), "team", "agent");
        return report.Cells.Select(Key).SequenceEqual(ByPeriodThenValues(report).Select(Key));
    }

    [Property(MaxTest = 40)]
    public bool From_RowsInAnyOrder_SegmentsByValuesThenPeriod(int seed, byte countRaw, byte periodRaw)
    {
        var report = Report(seed, 1 + countRaw, (Period)(periodRaw % 5), "team", "agent");
        var document = NpsReportDocument.From(report);
        return document.Segments.Select(Key).SequenceEqual(ByValuesThenPeriod(report).Select(c => Key(NpsReportCellDocument.From(c, report.Options))));
    }

    [Fact]
    public void From_OneDimensionNoPeriod_SegmentsByValueOrdinal()
    {
        var report = Report(7, 200, null, "team");
        var document = NpsReportDocument.From(report);

        Assert.Equal(["team=(none)", "team=(none)", "team=Care", "team=Zeta", "team=billing", "team=care", "team=sales", "team=ä-team"], document.Segments.Select(Key));
        Assert.Equal(report.Cells.Select(Key), document.Segments.Select(Key));
    }

    [Fact]
    public void From_PeriodOnly_SegmentsInTimeOrderWithThePeriodAlone()
    {
        var report = Report(3, 300, Period.Month);
        var document = NpsReportDocument.From(report);

        Assert.Equal(["period=2025-11", "period=2025-12", "period=2026-01", "period=2026-02", "period=2026-03"], document.Segments.Select(Key));
    }

    [Fact]
    public void From_AgentAndTeamByQuarter_DimensionsListedInOptionsOrderThenPeriod()
    {
        var report = Report(5, 400, Period.Quarter, "agent", "team");
        var segment = NpsReportDocument.From(report).Segments[0];

        Assert.Equal(["agent", "team", "period"], segment.Dimensions.Keys);
        Assert.Equal(report.Cells.First(c => c["agent"] == segment.Dimensions["agent"] && c["team"] == segment.Dimensions["team"]
            && c.Period!.Value.Label == segment.Dimensions["period"]).Count, segment.Count);
    }

    [Fact]
    public void Build_CellDimensions_PeriodFirstThenOptionsOrderAndCaseInsensitiveLookup()
    {
        var report = Report(11, 100, Period.Week, "team", "agent");
        var cell = report.Cells[0];

        Assert.Equal(["period", "team", "agent"], cell.Dimensions.Keys);
        Assert.Equal(cell["team"], cell["TEAM"]);
        Assert.Equal(cell.Period!.Value.Label, cell.Dimensions["Period"]);
        Assert.Null(cell["channel"]);
        Assert.Empty(report.Overall.Dimensions);
    }
}

using Nps.Insights;

namespace Nps.Tests.Insights;

public sealed class LaunchDatesTests
{
    private static (IReadOnlyDictionary<string, DateOnly>? Launches, DataError? Error) Read(string csv) =>
        LaunchDates.TryReadCsv(new StringReader(csv), out var launches, out var error) ? (launches, null) : (launches, error);

    [Fact]
    public void TryReadCsv_ValidFile_ReadsEveryStartDate()
    {
        var (launches, error) = Read("\uFEFFvalue,launched\nteam-north,2026-04-10\n\n\"South, East\",2025-12-01\n");

        Assert.Null(error);
        Assert.Equal(2, launches!.Count);
        Assert.Equal(new DateOnly(2026, 4, 10), launches["team-north"]);
        Assert.Equal(new DateOnly(2025, 12, 1), launches["South, East"]);
    }

    [Fact]
    public void TryReadCsv_ColumnsInAnyOrderWithExtraColumns_ReadsByName()
    {
        var (launches, _) = Read("note,Launched,VALUE\npilot,2026-01-05,O01\n");

        Assert.Equal(new DateOnly(2026, 1, 5), Assert.Single(launches!).Value);
    }

    [Theory]
    [InlineData("value,start\nA,2026-01-01\n", "line 1, column header: expected the columns 'value' and 'launched'; found 'value,start'.")]
    [InlineData("", "line 1, column header: the file is empty; expected the columns 'value' and 'launched'.")]
    [InlineData("value,launched\nA,2026-13-01\n", "line 2, column launched: '2026-13-01' is not an ISO date (yyyy-MM-dd).")]
    [InlineData("value,launched\nA,01/04/2026\n", "line 2, column launched: '01/04/2026' is not an ISO date (yyyy-MM-dd).")]
    [InlineData("value,launched\nA\n", "line 2, column launched: '' is not an ISO date (yyyy-MM-dd).")]
    [InlineData("value,launched\n,2026-01-01\n", "line 2, column value: is empty; name the team or agent.")]
    [InlineData("value,launched\nA,2026-01-01\nB,2026-02-01\nA,2026-03-01\n", "line 4, column value: 'A' already has a start date (line 2).")]
    [InlineData("value,launched\n\"A,2026-01-01\n", "line 2, column value: a quoted field is not closed.")]
    [InlineData("value,launched\n\"A\"B,2026-01-01\n", "line 2, column value: unexpected text after a closing quote.")]
    [InlineData("\n\"value,launched\n", "line 2, column header: a quoted field is not closed.")]
    public void TryReadCsv_BadInput_NamesLineColumnAndReason(string csv, string message)
    {
        var (launches, error) = Read(csv);

        Assert.Null(launches);
        Assert.Equal(message, error!.Value.Message);
    }

    [Fact]
    public void TryReadCsv_BadDate_ReportsDataErrorWithLineFieldAndValue()
    {
        var (_, error) = Read("value,launched\nA,2026-13-01\n");

        Assert.Equal(new DataError(2, "launched", "'2026-13-01' is not an ISO date (yyyy-MM-dd).", "2026-13-01"), error);
    }
}

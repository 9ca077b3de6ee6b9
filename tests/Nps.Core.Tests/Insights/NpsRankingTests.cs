using Nps.Insights;
using Nps.Segmentation;
using Nps.Tests.Segmentation;

namespace Nps.Tests.Insights;

public sealed class NpsRankingTests
{
    [Fact]
    public void ByLowerBound_SmallPerfectCellAndLargeGoodCell_LargeFirstAndBelowMinimumHidden()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var builder = new NpsReportBuilder(new NpsReportOptions { Dimensions = ["agent"], MinimumCount = 30 });
        for (var i = 0; i < 30; i++) builder.Add(ResponseFactory.Response(10, at, agent: "small-perfect"));
        for (var i = 0; i < 1000; i++) builder.Add(ResponseFactory.Response(i % 20 < 19 ? 10 : 3, at, agent: "large-good"));
        for (var i = 0; i < 29; i++) builder.Add(ResponseFactory.Response(10, at, agent: "too-small"));

        var ranked = NpsRanking.ByLowerBound(builder.Build().Cells);

        Assert.Equal(["large-good", "small-perfect"], ranked.Select(c => c["agent"]));
        Assert.True(ranked[1].Score > ranked[0].Score); // a raw leaderboard would put the small cell first
    }
}

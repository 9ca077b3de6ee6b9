using Nps.Sampling;
using Nps.Touchpoints;

namespace Nps.Tests.Sampling;

public sealed class SurveyScopeTests
{
    private static readonly TouchpointEvent Event = TestProgram.Event() with
    {
        Team = "north", Product = "fibre", Attributes = new Dictionary<string, string> { ["tier"] = "gold" },
    };

    [Fact]
    public void Matches_EmptyScope_MatchesEverything() => Assert.True(new SurveyScope().Matches(Event));

    [Theory]
    [InlineData("north", "fibre", "gold", true)]
    [InlineData("south", "fibre", "gold", false)]
    [InlineData("north", "mobile", "gold", false)]
    [InlineData("north", "fibre", "silver", false)]
    public void Matches_EverySetPropertyMustMatch(string team, string product, string tier, bool expected)
    {
        var scope = new SurveyScope { Team = team, Product = product, Attributes = new Dictionary<string, string> { ["tier"] = tier } };
        Assert.Equal(expected, scope.Matches(Event));
    }

    [Fact]
    public void Matches_MissingAttribute_DoesNotMatch()
    {
        Assert.False(new SurveyScope { Attributes = new Dictionary<string, string> { ["region"] = "x" } }.Matches(Event));
    }

    [Fact]
    public void Covers_BroaderScopeCoversNarrower_NotTheReverse()
    {
        var broad = new SurveyScope { Kind = SurveyKind.Transactional };
        var narrow = new SurveyScope { Kind = SurveyKind.Transactional, Channel = "chat", Attributes = new Dictionary<string, string> { ["tier"] = "gold" } };

        Assert.True(broad.Covers(narrow));
        Assert.False(narrow.Covers(broad));
        Assert.Equal("kind=Transactional, channel=chat, tier=gold", narrow.ToString());
        Assert.Equal("all events", new SurveyScope().ToString());
    }
}

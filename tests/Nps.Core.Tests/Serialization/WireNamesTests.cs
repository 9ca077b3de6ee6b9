using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Segmentation;
using Nps.Serialization;

namespace Nps.Tests.Serialization;

public sealed class WireNamesTests
{
    [Fact]
    public void Format_PascalCaseMembers_LowerKebab()
    {
        Assert.Equal("adjusted-wald", WireNames.Format(IntervalMethod.AdjustedWald));
        Assert.Equal("follow-up", WireNames.Format(ContactKind.FollowUp));
        Assert.Equal("opt-out", WireNames.Format(ContactKind.OptOut));
        Assert.Equal("quarter", WireNames.Format(Period.Quarter));
        Assert.Equal("already-exists", WireNames.Format(FollowUpCreationOutcome.AlreadyExists));
    }

    [Theory]
    [InlineData("adjusted-wald")]
    [InlineData("Adjusted-Wald")]
    [InlineData("AdjustedWald")]
    [InlineData("adjusted_wald")]
    [InlineData("ADJUSTEDWALD")]
    public void TryParse_AnyCaseAndSeparator_Accepted(string text)
    {
        Assert.True(WireNames.TryParse(text, out IntervalMethod method));
        Assert.Equal(IntervalMethod.AdjustedWald, method);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1")]
    [InlineData("adjusted-wal")]
    [InlineData("adjusted-waldx")]
    [InlineData(null)]
    public void TryParse_NotAName_Rejected(string? text)
    {
        Assert.False(WireNames.TryParse(text, out IntervalMethod _));
    }

    [Fact]
    public void TryParse_EveryFormattedName_RoundTrips()
    {
        foreach (var status in Enum.GetValues<FollowUpStatus>())
        {
            Assert.True(WireNames.TryParse(WireNames.Format(status), out FollowUpStatus parsed));
            Assert.Equal(status, parsed);
        }
    }

    [Fact]
    public void Describe_Periods_ProseList()
    {
        Assert.Equal("day, week, month, quarter or year", WireNames.Describe<Period>());
        Assert.Equal(["transactional", "relational"], WireNames.All<SurveyKind>());
    }

    [Fact]
    public void Format_UndefinedValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WireNames.Format((Period)42));
    }
}

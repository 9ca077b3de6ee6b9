namespace Nps.Tests.Scoring;

public sealed class NpsRatingTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    [InlineData(255)]
    public void From_OutsideScale_ThrowsNamingValue(int value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => NpsRating.From(value));
        Assert.StartsWith($"An NPS rating must be an integer from 0 to 10; got {value}.", error.Message);
        Assert.False(NpsRating.TryCreate(value, out _));
    }

    [Theory]
    [InlineData("0", true, 0)]
    [InlineData(" 10 ", true, 10)]
    [InlineData("11", false, 0)]
    [InlineData("7.5", false, 0)]
    [InlineData("-1", false, 0)]
    [InlineData("", false, 0)]
    [InlineData(null, false, 0)]
    public void TryParse_Text_AcceptsOnlyIntegersZeroToTen(string? text, bool ok, int value)
    {
        Assert.Equal(ok, NpsRating.TryParse(text, out var rating));
        Assert.Equal(value, rating.Value);
    }

    [Fact]
    public void Default_IsValidZeroDetractor()
    {
        Assert.Equal(0, default(NpsRating).Value);
        Assert.Equal(NpsCategory.Detractor, default(NpsRating).Category);
        Assert.Equal(NpsCategory.Promoter, NpsRating.From(9).Category);
        Assert.Equal(NpsCategory.Passive, NpsRating.From(8).Category);
    }
}

public sealed class RatingScaleTests
{
    [Fact]
    public void OneToFive_ExplicitBreakPoints_Classify()
    {
        var counts = RatingScale.OneToFive.Count([1, 2, 3, 4, 5, 5]);

        Assert.Equal(new NpsCategoryCounts(3, 1, 2), counts);
        Assert.Equal(100.0 * (2 - 3) / 6, counts.Score, 1e-12);
    }

    [Fact]
    public void Standard_AgreesWithNpsRating()
    {
        for (var r = 0; r <= 10; r++) Assert.Equal(NpsRating.Classify(r), RatingScale.Standard.Classify(r));
    }

    [Fact]
    public void Count_RatingOffScale_ThrowsNamingIndex()
    {
        var error = Assert.Throws<ArgumentException>(() => RatingScale.OneToTen.Count([5, 0]));
        Assert.StartsWith("Rating at index 1 is 0; a rating on this scale is from 1 to 10.", error.Message);
    }

    [Fact]
    public void Create_UnorderedBreakPoints_Throws() =>
        Assert.Throws<ArgumentException>(() => RatingScale.Create(1, 7, 5, 4));

    [Fact]
    public void Create_CustomScale_Classifies()
    {
        var sevenPoint = RatingScale.Create(1, 7, 4, 5);
        Assert.Equal(NpsCategory.Passive, sevenPoint.Classify(5));
        Assert.Equal(NpsCategory.Promoter, sevenPoint.Classify(6));
    }
}

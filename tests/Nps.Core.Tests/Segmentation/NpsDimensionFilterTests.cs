using Nps.Segmentation;

namespace Nps.Tests.Segmentation;

public sealed class NpsDimensionFilterTests
{
    [Fact]
    public void Constructor_NullValues_ArgumentErrorNamingValues() =>
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => new NpsDimensionFilter("team", null!)).ParamName);

    [Fact]
    public void Constructor_EmptyValues_ArgumentErrorNamingTheDimension()
    {
        var error = Assert.Throws<ArgumentException>(() => new NpsDimensionFilter("team", []));
        Assert.Equal("values", error.ParamName);
        Assert.Contains("'team' needs at least one value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullValue_ArgumentErrorNamingItsPosition()
    {
        var error = Assert.Throws<ArgumentException>(() => new NpsDimensionFilter("team", ["north", null!]));
        Assert.Equal("values", error.ParamName);
        Assert.Contains("Value 1 of the filter on dimension 'team' is null", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Constructor_TextNoStoreKeeps_ArgumentErrorSayingWhy(int which)
    {
        // Built here: a lone surrogate does not survive a test case's serialisation.
        var (value, reason) = which == 0 ? ("no\0rth", "contains U+0000 at position 2") : ("north\ud800", "contains a lone surrogate at position 5");
        var error = Assert.Throws<ArgumentException>(() => new NpsDimensionFilter("team", [value]));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equals_SameDimensionAndValues_EqualWhateverTheOrder()
    {
        Assert.Equal(new NpsDimensionFilter("team", ["a", "b"]), new NpsDimensionFilter("team", ["b", "a", "a"]));
        Assert.Equal(new NpsDimensionFilter("team", ["a", "b"]).GetHashCode(), new NpsDimensionFilter("team", ["b", "a"]).GetHashCode());
        Assert.NotEqual(new NpsDimensionFilter("team", ["a"]), new NpsDimensionFilter("team", ["A"]));
        Assert.NotEqual(new NpsDimensionFilter("team", ["a"]), new NpsDimensionFilter("agent", ["a"]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Constructor_NoDimension_ArgumentError(string? dimension) =>
        Assert.ThrowsAny<ArgumentException>(() => new NpsDimensionFilter(dimension!, ["north"]));

    [Fact]
    public void Matches_ComparesOrdinally_NullNever()
    {
        var filter = new NpsDimensionFilter("team", ["north", "north", "\U0001F600"]);
        Assert.Equal(["north", "\U0001F600"], filter.Values);
        Assert.True(filter.Matches("north"));
        Assert.False(filter.Matches("North"));
        Assert.False(filter.Matches(null));
        Assert.True(filter.Matches("\U0001F600"));
    }

    [Fact]
    public void IndexIn_BuiltInIgnoringCase_AttributesExactly()
    {
        Assert.Equal(1, new NpsDimensionFilter("TEAM", ["x"]).IndexIn(["agent", "team"]));
        Assert.Equal(0, new NpsDimensionFilter("kind", ["relational"]).IndexIn(["survey_kind"]));
        Assert.Equal(0, new NpsDimensionFilter("region", ["x"]).IndexIn(["region"]));
        Assert.Equal(-1, new NpsDimensionFilter("Region", ["x"]).IndexIn(["region"]));
    }

    [Fact]
    public void Validate_FilterOnDimensionNotGrouped_ArgumentErrorNamingBoth()
    {
        var query = new NpsCountQuery { Dimensions = ["agent"], Filter = new NpsDimensionFilter("team", ["north"]) };
        var error = Assert.Throws<ArgumentException>(query.Validate);
        Assert.Equal("Filter", error.ParamName);
        Assert.Contains("dimension 'team', which the query does not group by ('agent')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Count_Filter_KeepsOnlyItsValues()
    {
        var at = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        SurveyResponse[] responses =
        [
            new() { ResponseId = "a", RespondentId = "c", Rating = NpsRating.From(9), RespondedAt = at, Team = "north" },
            new() { ResponseId = "b", RespondentId = "c", Rating = NpsRating.From(9), RespondedAt = at, Team = "NORTH" },
            new() { ResponseId = "c", RespondentId = "c", Rating = NpsRating.From(3), RespondedAt = at },
        ];
        var rows = NpsCounts.Count(responses, new NpsCountQuery { Dimensions = ["team"], Filter = new NpsDimensionFilter("team", ["NORTH"]) });
        Assert.Equal("NORTH", Assert.Single(rows).DimensionValues[0]);
    }
}

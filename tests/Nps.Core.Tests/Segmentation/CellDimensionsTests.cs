using Nps.Segmentation;

namespace Nps.Tests.Segmentation;

public sealed class CellDimensionsTests
{
    private static readonly string[] Names = ["period", "team", "agent"];

    private static CellDimensions Dimensions() => new(Names, ["2026-03", "care", "a1"]);

    [Fact]
    public void TryGetValue_NameInAnyCase_FindsTheValue()
    {
        var dimensions = Dimensions();

        Assert.True(dimensions.TryGetValue("TEAM", out var team));
        Assert.Equal("care", team);
        Assert.Equal("a1", dimensions[new string("agent".ToCharArray())]); // equal text, another instance
        Assert.True(dimensions.ContainsKey("Period"));
    }

    [Fact]
    public void TryGetValue_UnknownName_FalseAndIndexerThrowsNamingIt()
    {
        var dimensions = Dimensions();

        Assert.False(dimensions.TryGetValue("channel", out var value));
        Assert.Null(value);
        Assert.False(dimensions.ContainsKey("channel"));
        var error = Assert.Throws<KeyNotFoundException>(() => dimensions["channel"]);
        Assert.Equal("The cell has no dimension \"channel\".", error.Message);
    }

    [Fact]
    public void GetEnumerator_NamesInOrderWithTheirValues()
    {
        var dimensions = Dimensions();

        Assert.Equal(3, dimensions.Count);
        Assert.Equal(Names, dimensions.Keys);
        Assert.Equal(["2026-03", "care", "a1"], dimensions.Values);
        Assert.Equal(
            [new("period", "2026-03"), new("team", "care"), new KeyValuePair<string, string>("agent", "a1")],
            dimensions.ToList());
        Assert.Equal(dimensions.ToDictionary(d => d.Key, d => d.Value), new Dictionary<string, string>(dimensions));
    }

    [Fact]
    public void Constructor_ValuesMissing_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new CellDimensions(Names, ["2026-03"]));
        Assert.Equal("One value per name is needed. (Parameter 'values')", error.Message);
    }

    [Fact]
    public void None_IsEmpty()
    {
        Assert.Empty(CellDimensions.None);
        Assert.False(CellDimensions.None.ContainsKey("team"));
    }
}

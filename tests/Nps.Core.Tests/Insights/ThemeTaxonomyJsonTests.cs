using Nps.Insights;

namespace Nps.Tests.Insights;

public sealed class ThemeTaxonomyJsonTests
{
    [Fact]
    public void TryParseJson_DocumentedFormat_ReadsThemes()
    {
        const string json = """
            {
              // comments and trailing commas are allowed
              "themes": [
                { "id": "parking", "name": "Parking", "keywords": { "nl": ["parkeer*", "parkeren"], "en": ["parking", "car park"] } },
              ]
            }
            """;
        Assert.True(ThemeTaxonomy.TryParseJson(json, out var taxonomy, out var errors), string.Join("; ", errors));
        Assert.Empty(errors);
        var theme = Assert.Single(taxonomy!.Themes);
        Assert.Equal("Parking", theme.Name);
        Assert.Equal("parking", Assert.Single(taxonomy.FindThemes("Geen parkeerplaats te vinden")).Id);
        Assert.Single(taxonomy.FindThemes("The car-park was full"));
    }

    [Fact]
    public void ToJson_Default_RoundTripsToTheSameThemes()
    {
        var json = ThemeTaxonomy.Default.ToJson();
        Assert.Contains("\"keywords\": {", json, StringComparison.Ordinal);
        Assert.True(ThemeTaxonomy.TryParseJson(json, out var again, out _));
        Assert.Equal(ThemeTaxonomy.Default.Themes.Select(t => t.Id), again!.Themes.Select(t => t.Id));
        Assert.All(ThemeTaxonomy.Default.Themes.Zip(again.Themes), pair =>
            Assert.Equal(pair.First.Keywords["nl"], pair.Second.Keywords["nl"]));
    }

    [Fact]
    public void TryParseJson_MalformedJson_ReportsLineAndPosition()
    {
        Assert.False(ThemeTaxonomy.TryParseJson("{ \"themes\": [ { \"id\": } ] }", out var taxonomy, out var errors));
        Assert.Null(taxonomy);
        Assert.Contains("LineNumber: 0 | BytePositionInLine: 22", Assert.Single(errors).Message, StringComparison.Ordinal);
        Assert.Equal(1, errors[0].Line);
    }

    [Fact]
    public void TryParseJson_MissingRequiredProperty_ReportsIt()
    {
        Assert.False(ThemeTaxonomy.TryParseJson("""{ "themes": [ { "id": "x", "name": "X" } ] }""", out _, out var errors));
        Assert.Contains("keywords", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null", "the document is null; expected { \"themes\": [ ... ] }")]
    [InlineData("""{ "themes": [ null ] }""", "themes[0]: is null")]
    [InlineData("""{ "themes": [ { "id": "x", "name": "X", "keywords": { "nl": ["wa*cht"] } } ] }""",
        "themes[0].keywords.nl[0]: 'wa*cht' has '*' inside a word (only a trailing * is allowed, as in wacht*)")]
    [InlineData("""{ "themes": [ { "id": "x", "name": "X", "keywords": { "nl": [] } } ] }""", "themes[0].keywords: has no phrases")]
    public void TryParseJson_InvalidTaxonomy_ReportsEveryProblem(string json, string error)
    {
        Assert.False(ThemeTaxonomy.TryParseJson(json, out var taxonomy, out var errors));
        Assert.Null(taxonomy);
        Assert.Equal(error, Assert.Single(errors).Message);
    }

    [Fact]
    public void TryParseJson_BadPhrase_ReportsDataErrorWithPathAndPhrase()
    {
        Assert.False(ThemeTaxonomy.TryParseJson("""{ "themes": [ { "id": "x", "name": "X", "keywords": { "nl": ["ok", "wa*cht"] } } ] }""", out _, out var errors));

        var error = Assert.Single(errors);
        Assert.Equal((0L, "themes[0].keywords.nl[1]", "wa*cht"), (error.Line, error.Field, error.Value));
    }
}

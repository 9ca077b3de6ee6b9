using Nps.Ambitions;
using Nps.Serialization;

namespace Nps.Tests.Ambitions;

public sealed class AmbitionFileTests
{
    [Fact]
    public void TryParse_IssueExample_ReadsTheAmbition()
    {
        const string json = """
            { "ambitions": [ { "dimension": "product", "value": "Hypotheek", "target": 30, "by": "2026-12-31",
              "baseline": { "from": "2025-01-01", "to": "2025-12-31" } } ] }
            """;

        Assert.True(AmbitionFile.TryParse(json, out var ambitions, out var errors), string.Join("; ", errors));

        Assert.Equal([new Ambition("product", "Hypotheek", 30, new DateOnly(2026, 12, 31), new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31))], ambitions);
    }

    [Fact]
    public void TryParse_CommentsAndTrailingCommas_AreAllowed()
    {
        const string json = """
            // ambitions for 2026
            { "ambitions": [ { "dimension": "region", "value": "Noord", "target": -5.5, "by": "2026-12-31", "baseline": { "from": "2025-01-01", "to": "2025-12-31", }, }, ], }
            """;

        Assert.True(AmbitionFile.TryParse(json, out var ambitions, out _));
        Assert.Equal(-5.5, ambitions[0].Target);
    }

    [Fact]
    public void TryParse_BadFields_NamesEachByItsPath()
    {
        const string json = """
            { "ambitions": [
              { "dimension": "product", "value": "Hypotheek", "target": 130, "by": "2026-13-01", "baseline": { "from": "2025-01-01", "to": "2025-12-31" } },
              { "dimension": "", "value": "Sparen", "by": "2026-12-31", "baseline": { "from": "2025-12-31", "to": "2025-01-01", "till": "x" }, "owner": "me" },
              { "dimension": "team", "value": "Sales", "target": 40, "by": "2025-06-30", "baseline": { "from": "2025-01-01", "to": "2025-12-31" } }
            ] }
            """;

        Assert.False(AmbitionFile.TryParse(json, out var ambitions, out var errors));

        Assert.Empty(ambitions);
        Assert.Equal(
        [
            "ambitions[0].target: must be an NPS from -100 to 100, got 130",
            "ambitions[0].by: must be a date (yyyy-MM-dd), got '2026-13-01'",
            "ambitions[1].dimension: must be a non-empty string",
            "ambitions[1].baseline.till: is not a field of a baseline (expected: from, to)",
            "ambitions[1].owner: is not a field of an ambition (expected: dimension, value, target, by, baseline)",
            "ambitions[1].target: is missing",
            "ambitions[1].baseline.to: 2025-01-01 is before ambitions[1].baseline.from (2025-12-31)",
            "ambitions[2].by: 2025-06-30 must be after ambitions[2].baseline.to (2025-12-31)",
        ], errors.Select(e => e.Message));
        Assert.Equal(new DataError(0, "ambitions[0].by", "must be a date (yyyy-MM-dd), got '2026-13-01'", "2026-13-01"), errors[1]);
        Assert.Equal("130", errors[0].Value);
    }

    [Theory]
    [InlineData("[]", "the file must be an object with an \"ambitions\" array")]
    [InlineData("{ }", "ambitions: is missing")]
    [InlineData("{ \"ambitions\": {} }", "ambitions: must be an array")]
    [InlineData("{ \"ambitions\": [ 1 ] }", "ambitions[0]: must be an object")]
    [InlineData("{ \"ambitions\": [ { \"dimension\": \"team\", \"value\": \"Sales\", \"target\": 40, \"by\": \"2026-12-31\" } ] }", "ambitions[0].baseline: is missing")]
    public void TryParse_WrongShape_SaysWhatIsExpected(string json, string error)
    {
        Assert.False(AmbitionFile.TryParse(json, out _, out var errors));
        Assert.Equal([error], errors.Select(e => e.Message));
    }

    [Fact]
    public void TryParse_NotJson_GivesLineAndPosition()
    {
        Assert.False(AmbitionFile.TryParse("{\n  \"ambitions\": [ { \"dimension\": } ]\n}", out _, out var errors));

        Assert.Equal(2, errors.Single().Line);
        Assert.StartsWith("line 2: not valid JSON (position ", errors.Single().Message, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using Nps.Ambitions;
using Nps.Huddle;
using Nps.Insights;
using Nps.Serialization;

namespace Nps.Tests.Hardening;

/// <summary>The library's JSON readers refuse a repeated key instead of letting the last one win.</summary>
public sealed class DuplicateJsonKeyTests
{
    [Fact]
    public void AmbitionFile_RepeatedKey_Refused()
    {
        const string json = """{ "ambitions": [ { "dimension": "team", "value": "Sales", "target": 45, "target": 90, "by": "2026-06-30", "baseline": { "from": "2025-01-01", "to": "2025-06-30" } } ] }""";

        Assert.False(AmbitionFile.TryParse(json, out _, out var errors));
        Assert.Contains("target", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HuddleFollowUpFile_RepeatedKey_Refused()
    {
        Assert.False(HuddleFollowUpFile.TryParse("""[ { "id": "fu-1", "id": "fu-2" } ]""", out _, out var errors));
        Assert.Contains("id", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThemeTaxonomy_RepeatedKey_Refused()
    {
        const string json = """{ "themes": [ { "id": "parking", "id": "wait", "name": "Parking", "keywords": { "en": ["parking"] } } ] }""";

        Assert.False(ThemeTaxonomy.TryParseJson(json, out _, out var errors));
        Assert.Contains("id", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NpsProgramJson_RepeatedKey_Refused()
    {
        Assert.False(NpsProgramJson.TryRead("""{ "samplingKey": "a", "samplingKey": "b" }""", out _, out var errors));
        Assert.Contains(errors, e => e.Message.Contains("samplingKey", StringComparison.Ordinal));
    }

    [Fact]
    public void NpsJson_Deserialize_RepeatedKey_Throws() =>
        Assert.Throws<JsonException>(() => NpsJson.Deserialize<ThemeAnalysisDocument>("""{ "themes": [], "themes": [] }"""));
}

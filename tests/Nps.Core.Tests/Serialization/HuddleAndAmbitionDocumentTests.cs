using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Nps.Ambitions;
using Nps.Huddle;
using Nps.Serialization;
using Nps.Tests.Huddle;

namespace Nps.Tests.Serialization;

public sealed class HuddleAndAmbitionDocumentTests
{
    [Fact]
    public void HuddleBriefDocument_Serialize_HasExactlyTheContractsFields()
    {
        var brief = new HuddleBriefBuilder(
                new HuddleBriefOptions { Team = "care", Period = HuddlePeriod.IsoWeekOf(new DateOnly(2026, 3, 11)), MinimumCount = 5, Taxonomy = HuddleTestData.Taxonomy },
                new FakeTimeProvider(HuddleTestData.At("2026-03-18T12:00:00Z")))
            .Build(HuddleTestData.Responses(), HuddleTestData.FollowUps());

        using var json = JsonDocument.Parse(NpsJson.Serialize(HuddleBriefDocument.From(brief)));
        var root = json.RootElement;

        Assert.Equal(["team", "period", "score", "trend", "versusPrevious", "themes", "detractorComments", "callbacks", "compliments", "followUps", "discussionPoints", "change", "responseRate"], Names(root));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("responseRate").ValueKind); // no invitations given
        Assert.Equal(["count", "nps", "lower", "upper", "enoughData"], Names(root.GetProperty("score")));
        Assert.Equal(["period", "count", "nps", "lower", "upper"], Names(root.GetProperty("trend")[0]));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("trend")[1].GetProperty("nps").ValueKind);
        Assert.Equal(["difference", "pValue", "significant"], Names(root.GetProperty("versusPrevious")));
        Assert.Equal(["id", "name", "mentions", "examples"], Names(root.GetProperty("themes")[0]));
        Assert.Equal(["responseId", "rating", "comment"], Names(root.GetProperty("themes")[0].GetProperty("examples")[0]));
        Assert.Equal(["responseId", "rating", "comment", "agent"], Names(root.GetProperty("callbacks")[0]));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("callbacks")[0].GetProperty("comment").ValueKind);
        Assert.Equal(["open", "overdue"], Names(root.GetProperty("followUps")));
        Assert.Equal("2026-W11", root.GetProperty("period").GetString());
        Assert.Equal(0.39564143279063624, root.GetProperty("versusPrevious").GetProperty("pValue").GetDouble(), 15);
    }

    [Fact]
    public void HuddleBriefDocument_WithResponseRate_SentAnsweredRateAndInterval()
    {
        var brief = new HuddleBriefBuilder(new HuddleBriefOptions { Team = "care", Period = HuddlePeriod.IsoWeekOf(new DateOnly(2026, 3, 11)), Taxonomy = HuddleTestData.Taxonomy })
            .Build(HuddleTestData.Responses()) with
        {
            ResponseRate = new Nps.Delivery.ResponseRateCell(new Dictionary<string, string> { ["team"] = "care" }, null, 20, 5, 0.25, 0.11, 0.47),
        };

        using var json = JsonDocument.Parse(NpsJson.Serialize(HuddleBriefDocument.From(brief)));
        var rate = json.RootElement.GetProperty("responseRate");

        Assert.Equal(["dimensions", "sent", "answered", "rate", "lower", "upper"], Names(rate));
        Assert.Equal((20, 5, 0.25, 0.11, 0.47), (rate.GetProperty("sent").GetInt64(), rate.GetProperty("answered").GetInt64(), rate.GetProperty("rate").GetDouble(),
            rate.GetProperty("lower").GetDouble(), rate.GetProperty("upper").GetDouble()));
    }

    [Fact]
    public void AmbitionsDocument_Serialize_HasExactlyTheContractsFields()
    {
        var ambition = new Ambition("product", "Hypotheek", 30, new DateOnly(2026, 12, 31), new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        SurveyResponse[] responses =
        [
            new() { ResponseId = "B1", Rating = NpsRating.From(8), RespondedAt = HuddleTestData.At("2025-05-01T10:00:00Z"), Product = "Hypotheek" },
            new() { ResponseId = "C1", Rating = NpsRating.From(10), RespondedAt = HuddleTestData.At("2026-05-01T10:00:00Z"), Product = "Hypotheek" },
        ];
        var progress = AmbitionTracker.Evaluate(responses, [ambition], new AmbitionTrackerOptions { AsOf = new DateOnly(2026, 6, 30) });

        using var json = JsonDocument.Parse(NpsJson.Serialize(AmbitionsDocument.From(progress)));
        var entry = json.RootElement.GetProperty("ambitions")[0];

        Assert.Equal(["ambitions"], Names(json.RootElement));
        Assert.Equal(["dimension", "value", "target", "by", "baseline", "current", "change", "probabilityAtLeastTarget", "onTrack"], Names(entry));
        Assert.Equal(["count", "nps", "lower", "upper"], Names(entry.GetProperty("baseline")));
        Assert.Equal(["from", "to", "count", "nps", "lower", "upper"], Names(entry.GetProperty("current")));
        Assert.Equal(["difference", "pValue"], Names(entry.GetProperty("change")));
        Assert.Equal("2026-12-31", entry.GetProperty("by").GetString());
        Assert.Equal("2026-04-02", entry.GetProperty("current").GetProperty("from").GetString());
        Assert.Equal(100, entry.GetProperty("change").GetProperty("difference").GetDouble());
        Assert.True(entry.GetProperty("onTrack").GetBoolean());
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}

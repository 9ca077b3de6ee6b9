using Nps.FollowUp;
using Nps.Serialization;
using Nps.Tests.FollowUp;

namespace Nps.Tests.Serialization;

public sealed class FollowUpDocumentTests
{
    private static FollowUpCase Open(string id = "R1", int rating = 2, bool callback = false, DateTimeOffset? at = null) =>
        new FollowUpTestData().Create(FollowUpTestData.Response(id, rating, callback, at: at)).FollowUp!;

    [Fact]
    public void FollowUpCase_From_ExactFieldNamesAndKebabValues()
    {
        var followUp = Open();

        var json = DocumentShape.Parse(NpsJson.Serialize(FollowUpCaseDocument.From(followUp, followUp.DueAt.AddMinutes(1))));

        Assert.Equal(
            ["id", "responseId", "customerId", "reason", "rating", "category", "comment", "respondedAt", "createdAt", "dueAt", "ownerTeam",
             "ownerAgent", "status", "contactedAt", "contactNote", "closedAt", "outcome", "overdue"],
            DocumentShape.Names(json));
        Assert.Equal(("detractor", "detractor", "open", 2), (json.GetProperty("reason").GetString(), json.GetProperty("category").GetString(),
            json.GetProperty("status").GetString(), json.GetProperty("rating").GetInt32()));
        Assert.True(json.GetProperty("overdue").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("contactedAt").ValueKind);
    }

    [Fact]
    public void FollowUpCase_FromWithoutMoment_OverdueNull()
    {
        Assert.Null(FollowUpCaseDocument.From(Open()).Overdue);
    }

    [Fact]
    public void FollowUpCase_TryToFollowUpCase_RoundTripsTheCase()
    {
        var original = Open(callback: true);
        Assert.True(original.TryTransition(FollowUpStatus.Contacted, original.RespondedAt.AddHours(1), "Called", out var contacted, out _));

        var document = NpsJson.Deserialize<FollowUpCaseDocument>(NpsJson.Serialize(FollowUpCaseDocument.From(contacted)))!;

        Assert.True(document.TryToFollowUpCase(out var back, out var error), error?.Message);
        Assert.Equal(contacted, back);
    }

    [Theory]
    [InlineData("Contacted", true, null)]
    [InlineData("done", false, "status: 'done' is not open, contacted or closed.")]
    public void FollowUpCase_TryToFollowUpCase_StatusAnyCaseElseNamed(string status, bool valid, string? message)
    {
        var document = FollowUpCaseDocument.From(Open()) with { Status = status };

        Assert.Equal(valid, document.TryToFollowUpCase(out _, out var error));
        Assert.Equal(message, error?.Message);
    }

    [Fact]
    public void FollowUpCase_TryToFollowUpCase_RatingOutOfRangeNamed()
    {
        var document = FollowUpCaseDocument.From(Open()) with { Rating = 11 };

        Assert.False(document.TryToFollowUpCase(out _, out var error));
        Assert.Equal(new DataError(0, "rating", "11 is not a rating from 0 to 10.", "11"), error);
    }

    [Fact]
    public void FollowUpQueue_From_OverdueFirstThenByDueTimeAndMetricsAtFullPrecision()
    {
        var early = Open("R1", rating: 2, at: FollowUpTestData.Start);
        var callback = Open("R2", rating: 9, callback: true, at: FollowUpTestData.Start.AddHours(1));
        var late = Open("R3", rating: 1, at: FollowUpTestData.Start.AddDays(3));
        var asOf = FollowUpTestData.Start.AddDays(3).AddHours(1);
        var metrics = FollowUpMetrics.Compute([early, callback, late], asOf);

        var document = FollowUpQueueDocument.From([late, callback, early], metrics, asOf, anonymous: 1, afterAsOf: 2, rejected: 3);
        var json = DocumentShape.Parse(NpsJson.Serialize(document));

        Assert.Equal(["fu-R2", "fu-R1", "fu-R3"], document.FollowUps.Select(f => f.Id));
        Assert.Equal([true, true, false], document.FollowUps.Select(f => f.Overdue!.Value));
        Assert.Equal(["asOf", "metrics", "anonymous", "afterAsOf", "rejected", "followUps"], DocumentShape.Names(json));
        Assert.Equal(
            ["asOf", "total", "open", "contacted", "closed", "overdue", "detractors", "detractorsFollowedUp", "detractorFollowUpShare", "medianHoursToFirstContact", "closedWithoutContact", "contactedWithinSla", "contactedLate", "pending", "withinSlaShare", "slaBreaches"],
            DocumentShape.Names(json.GetProperty("metrics")));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("metrics").GetProperty("medianHoursToFirstContact").ValueKind);
    }
}

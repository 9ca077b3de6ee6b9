using Nps.FollowUp;
using Nps.Huddle;
using Nps.Serialization;

namespace Nps.Tests.Huddle;

public sealed class HuddleFollowUpFileTests
{
    [Fact]
    public void TryParse_ApiArray_ReadsStatusDueAndOwner()
    {
        const string json = """
            [
              { "id": "fu-R1", "responseId": "R1", "customerId": "C1", "reason": "Detractor", "rating": 3, "respondedAt": "2026-03-12T09:00:00+00:00",
                "createdAt": "2026-03-12T09:00:00+00:00", "dueAt": "2026-03-14T09:00:00+00:00", "ownerTeam": "care", "status": "Open" },
              { "responseId": "R2", "dueAt": "2026-03-14T09:00:00Z", "status": "closed" }
            ]
            """;

        Assert.True(HuddleFollowUpFile.TryParse(json, out var followUps, out var errors), string.Join("; ", errors));

        Assert.Equal(2, followUps.Count);
        Assert.Equal(("fu-R1", "C1", 3, FollowUpStatus.Open, "care"), (followUps[0].Id, followUps[0].CustomerId, followUps[0].Rating.Value, followUps[0].Status, followUps[0].OwnerTeam!));
        Assert.Equal(("fu-R2", FollowUpStatus.Closed), (followUps[1].Id, followUps[1].Status));
    }

    [Fact]
    public void TryParse_FollowUpsCommandDocument_ReadsItsArray()
    {
        const string json = """{ "asOf": "2026-03-16T00:00:00+00:00", "followUps": [ { "responseId": "R1", "dueAt": "2026-03-14T09:00:00+01:00", "status": "open", "overdue": true } ] }""";

        Assert.True(HuddleFollowUpFile.TryParse(json, out var followUps, out _));
        Assert.Single(followUps);
    }

    [Fact]
    public void TryParse_BadElements_NamesEachProblem()
    {
        const string json = """[ { "responseId": "R1", "status": "pending", "dueAt": "2026-03-14T09:00:00" }, { "status": "open", "dueAt": "2026-03-14T09:00:00Z", "rating": 11 } ]""";

        Assert.False(HuddleFollowUpFile.TryParse(json, out var followUps, out var errors));

        Assert.Empty(followUps);
        Assert.Equal(
        [
            "[0].status: must be open, contacted or closed, got 'pending'",
            "[0].dueAt: must be an ISO 8601 time with an offset (e.g. 2026-03-14T10:00:00+01:00), got '2026-03-14T09:00:00'",
            "[1].responseId: is missing",
            "[1].rating: must be an integer from 0 to 10, got 11",
        ], errors.Select(e => e.Message));
        Assert.Equal(new DataError(0, "[0].dueAt", "must be an ISO 8601 time with an offset (e.g. 2026-03-14T10:00:00+01:00), got '2026-03-14T09:00:00'",
            "2026-03-14T09:00:00"), errors[1]);
        Assert.Equal("11", errors[3].Value);
    }

    [Fact]
    public void TryParse_NotJson_SaysWhere()
    {
        Assert.False(HuddleFollowUpFile.TryParse("[ { \"responseId\": ", out _, out var errors));
        Assert.Equal(1, errors[0].Line);
        Assert.StartsWith("line 1: not valid JSON (position", errors[0].Message, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using Nps.AspNetCore.Api;

namespace Nps.Samples.Tests.AspNet;

/// <summary>The shipped request records bind and validate themselves, so a host's own minimal API can use them.</summary>
public sealed class RequestRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void ResponseRequest_TryBind_ValidBody_GivesTheSurveyResponse()
    {
        var body = JsonSerializer.Deserialize<ResponseRequest>(Api.Response("R1", rating: 3, respondent: "C9"), Web)!;

        Assert.True(body.TryBind(Now, out var response, out var errors));

        Assert.Empty(errors);
        Assert.Equal("R1", response.ResponseId);
        Assert.Equal("C9", response.RespondentId);
        Assert.Equal(3, response.Rating.Value);
        Assert.Equal("Billing", response.Team);
    }

    [Fact]
    public void ResponseRequest_TryBind_BadFields_NamesEachField()
    {
        var body = new ResponseRequest { Rating = 11, RespondedAt = "2026-03-14T10:00:00", Kind = "weekly" };

        Assert.False(body.TryBind(Now, out var response, out var errors));

        Assert.Null(response);
        Assert.Equal(["kind", "rating", "respondedAt", "responseId"], errors.Select(e => e.Field).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TouchpointRequest_TryBind_FutureEventAndBadZone_NamesEachField()
    {
        var body = new TouchpointRequest { CustomerId = "C1", EventId = "E1", OccurredAt = "2027-03-14T10:00:00+01:00", TimeZoneId = "Mars/Olympus" };

        Assert.False(body.TryBind(Now, out var touchpoint, out var errors));

        Assert.Null(touchpoint);
        Assert.Equal(["occurredAt", "timeZoneId"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TouchpointRequest_TryBind_ValidBody_GivesTheEvent()
    {
        var body = JsonSerializer.Deserialize<TouchpointRequest>(Api.Touchpoint("C1", "E1"), Web)!;

        Assert.True(body.TryBind(Now, out var touchpoint, out var errors));

        Assert.Empty(errors);
        Assert.Equal(("C1", "E1", "phone"), (touchpoint.CustomerId, touchpoint.EventId, touchpoint.Channel));
    }
}

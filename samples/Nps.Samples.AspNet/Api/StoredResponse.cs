namespace Nps.Samples.AspNet.Api;

/// <summary>A response as stored and returned by the API.</summary>
public sealed record StoredResponse
{
    public required string ResponseId { get; init; }
    public string RespondentId { get; init; } = "";
    public string? InvitationId { get; init; }
    public SurveyKind Kind { get; init; }
    public int Rating { get; init; }
    public NpsCategory Category { get; init; }
    public string? Comment { get; init; }
    public bool CallbackRequested { get; init; }
    public DateTimeOffset RespondedAt { get; init; }
    public string? Team { get; init; }
    public string? Agent { get; init; }
    public string? Channel { get; init; }
    public string? Product { get; init; }
    public string? Touchpoint { get; init; }
    public Dictionary<string, string> Attributes { get; init; } = [];
    public double InclusionProbability { get; init; } = 1;
    public bool IsManual { get; init; }

    /// <summary>When the API accepted it.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The follow-up it created (a detractor or a callback request), if any.</summary>
    public string? FollowUpId { get; init; }

    /// <summary>The API's view of a response as the library stored it.</summary>
    public static StoredResponse From(Nps.Intake.StoredResponse stored)
    {
        var r = stored.Response;
        return new()
        {
            ResponseId = r.ResponseId, RespondentId = r.RespondentId, InvitationId = r.InvitationId, Kind = r.Kind,
            Rating = r.Rating.Value, Category = r.Category, Comment = r.Comment, CallbackRequested = r.CallbackRequested,
            RespondedAt = r.RespondedAt, Team = r.Team, Agent = r.Agent, Channel = r.Channel, Product = r.Product, Touchpoint = r.Touchpoint,
            Attributes = new Dictionary<string, string>(r.Attributes, StringComparer.Ordinal), InclusionProbability = r.InclusionProbability,
            IsManual = r.IsManual, ReceivedAt = stored.ReceivedAt, FollowUpId = stored.FollowUpId,
        };
    }
}

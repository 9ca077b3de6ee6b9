using System.Text.Json.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary>A response as stored and returned by the API.</summary>
public sealed record StoredResponse
{
    /// <summary>The idempotency key the response was stored under.</summary>
    public required string ResponseId { get; init; }
    /// <summary>Who answered.</summary>
    public string RespondentId { get; init; } = "";
    /// <summary>The invitation this answers, when the survey system knows it.</summary>
    public string? InvitationId { get; init; }
    /// <summary><c>transactional</c> or <c>relational</c>.</summary>
    [JsonConverter(typeof(WireNameConverter<SurveyKind>))]
    public SurveyKind Kind { get; init; }
    /// <summary>The rating, 0 to 10.</summary>
    public int Rating { get; init; }
    /// <summary>Promoter (9-10), passive (7-8) or detractor (0-6).</summary>
    [JsonConverter(typeof(WireNameConverter<NpsCategory>))]
    public NpsCategory Category { get; init; }
    /// <summary>The free-text comment.</summary>
    public string? Comment { get; init; }
    /// <summary>Whether the customer asked to be called back (a follow-up is created).</summary>
    public bool CallbackRequested { get; init; }
    /// <summary>When the customer answered.</summary>
    public DateTimeOffset RespondedAt { get; init; }
    /// <summary>The team that served the customer.</summary>
    public string? Team { get; init; }
    /// <summary>The agent who served the customer.</summary>
    public string? Agent { get; init; }
    /// <summary>The channel of the contact, e.g. <c>phone</c>.</summary>
    public string? Channel { get; init; }
    /// <summary>The product the contact was about.</summary>
    public string? Product { get; init; }
    /// <summary>The touchpoint, e.g. <c>support-call</c>.</summary>
    public string? Touchpoint { get; init; }
    /// <summary>Free dimensions (string values) for segmentation and scoping.</summary>
    public Dictionary<string, string> Attributes { get; init; } = [];
    /// <summary>The probability the respondent was asked, in (0, 1] (for weighting).</summary>
    public double InclusionProbability { get; init; } = 1;
    /// <summary>Whether the survey was sent by hand (outside the sampling rules).</summary>
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

using System.Text.Json.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary>The body of <c>POST /api/follow-ups/{id}/status</c>; an unknown field is an error naming it.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FollowUpStatusRequest
{
    /// <summary><c>contacted</c> or <c>closed</c> (case-insensitive).</summary>
    public string? Status { get; init; }

    /// <summary>The contact note or the outcome.</summary>
    public string? Note { get; init; }
}

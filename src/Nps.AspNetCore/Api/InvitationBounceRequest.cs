using System.Text.Json.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary>The body of <c>POST /api/invitations/{id}/bounce</c>: <c>{"kind":"bounce"}</c> or <c>{"kind":"complaint"}</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record InvitationBounceRequest
{
    /// <summary><c>bounce</c> (the message bounced) or <c>complaint</c> (the customer complained: an opt-out).</summary>
    public string? Kind { get; init; }
}

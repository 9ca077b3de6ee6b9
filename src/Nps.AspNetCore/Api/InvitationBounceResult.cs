namespace Nps.AspNetCore.Api;

/// <summary>The answer of <c>POST /api/invitations/{id}/bounce</c>: the invitation's status after the report.</summary>
/// <param name="Id">The invitation id.</param>
/// <param name="Status">Its status (<c>bounced</c>, <c>opted-out</c>, or <c>answered</c> when it was answered before).</param>
public sealed record InvitationBounceResult(string Id, string Status);

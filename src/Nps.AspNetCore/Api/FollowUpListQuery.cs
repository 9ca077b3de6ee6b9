using Microsoft.AspNetCore.Mvc;
using Nps.FollowUp;

namespace Nps.AspNetCore.Api;

/// <summary>
/// The query of <c>GET /api/follow-ups</c>, bound with <c>[AsParameters]</c>: <c>status</c> and the page
/// (<c>limit</c>, <c>cursor</c>, see <see cref="Paging"/>); every invalid value reported by its parameter's name.
/// </summary>
internal sealed class FollowUpListQuery
{
    [FromQuery(Name = "status")] public QueryWireName<FollowUpStatus>? Status { get; init; }

    [FromQuery(Name = "limit")] public QueryInteger? Limit { get; init; }

    [FromQuery(Name = "cursor")] public string? Cursor { get; init; }

    /// <summary>The status wanted (null: all) and the page; invalid values go to <paramref name="errors"/>.</summary>
    public (FollowUpStatus? Status, int Limit, string? After) Resolve(FieldErrors errors)
    {
        var status = Status.GetValueOrDefault().Check(errors, "status", "a follow-up status");
        var (limit, after) = Paging.Read(errors, Limit.GetValueOrDefault(), Cursor);
        return (status, limit, after);
    }
}

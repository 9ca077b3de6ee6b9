using Microsoft.AspNetCore.Mvc;
using Nps.FollowUp;

namespace Nps.AspNetCore.Api;

/// <summary>
/// The query of <c>GET /api/follow-ups</c>, bound with <c>[AsParameters]</c>: <c>status</c>, <c>team</c> and the page
/// (<c>limit</c>, <c>cursor</c>, see <see cref="Paging"/>); every invalid value reported by its parameter's name.
/// </summary>
internal sealed class FollowUpListQuery
{
    [FromQuery(Name = "status")] public QueryWireName<FollowUpStatus>? Status { get; init; }

    [FromQuery(Name = "team")] public string? Team { get; init; }

    [FromQuery(Name = "limit")] public QueryInteger? Limit { get; init; }

    [FromQuery(Name = "cursor")] public string? Cursor { get; init; }

    /// <summary>
    /// The store's page query (one follow-up more than the page, to know whether another page follows) and the page
    /// size; invalid values go to <paramref name="errors"/>.
    /// </summary>
    public (FollowUpPageQuery Query, int Limit) Resolve(FieldErrors errors)
    {
        var status = Status.GetValueOrDefault().Check(errors, "status", "a follow-up status");
        if (Team is { } team && string.IsNullOrWhiteSpace(team)) errors.Add("team", "is empty: give a team name, or leave team out for every team.");
        var (limit, after) = Paging.Read(errors, Limit.GetValueOrDefault(), Cursor);
        FollowUpListPosition? position = null;
        if (after is not null && (position = Paging.Position(after)) is null)
        {
            errors.Add("cursor", $"'{Cursor}' is not a cursor from this list; send the one from the Link header.");
        }

        return (new FollowUpPageQuery { Status = status, Team = string.IsNullOrWhiteSpace(Team) ? null : Team, After = position, Limit = limit + 1 }, limit);
    }
}

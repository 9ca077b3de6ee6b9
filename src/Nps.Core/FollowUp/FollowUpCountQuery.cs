namespace Nps.FollowUp;

/// <summary>
/// Which follow-ups <see cref="IFollowUpStore.CountAsync"/> counts, and the moment overdue is judged at: all of them,
/// or one owner team's (ignoring case), optionally of one status and only those whose customer answered by a moment.
/// </summary>
public sealed record FollowUpCountQuery
{
    /// <summary>The moment to judge at: a follow-up is due when this moment is after its due time.</summary>
    public DateTimeOffset AsOf { get; init; }

    /// <summary>Only follow-ups owned by this team, compared ignoring case (<see cref="TeamKey"/>); all when null.</summary>
    public string? Team { get; init; }

    /// <summary>Only follow-ups in this status (the huddle's queue: open ones); all when null.</summary>
    public FollowUpStatus? Status { get; init; }

    /// <summary>Only follow-ups whose customer answered at or before this moment; all when null.</summary>
    public DateTimeOffset? RespondedBy { get; init; }

    /// <summary>
    /// The key owner teams are matched by: the name in upper case by the invariant culture's simple case mapping, so
    /// a store can index it and match "north" and "NORTH" as one team; null for no team.
    /// </summary>
    /// <param name="team">The team name.</param>
    /// <returns>The key, or null.</returns>
    public static string? TeamKey(string? team) => team?.ToUpperInvariant();

    /// <summary>Whether a follow-up is counted by this query.</summary>
    /// <param name="followUp">The follow-up.</param>
    /// <returns>Whether its team and response time match.</returns>
    public bool Matches(FollowUpCase followUp)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return (Status is not { } status || followUp.Status == status)
            && (Team is null || string.Equals(TeamKey(followUp.OwnerTeam), TeamKey(Team), StringComparison.Ordinal))
            && (RespondedBy is not { } by || followUp.RespondedAt <= by);
    }
}

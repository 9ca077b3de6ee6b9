namespace Nps.FollowUp;

/// <summary>
/// One page of follow-ups for <see cref="IFollowUpStore.ListPageAsync"/>: optionally of one status and one owner team
/// (ignoring case, <see cref="FollowUpCountQuery.TeamKey"/>), in list order (<see cref="FollowUpListPosition"/>),
/// after a position, at most <see cref="Limit"/> of them.
/// </summary>
public sealed record FollowUpPageQuery
{
    /// <summary>The largest page.</summary>
    public const int MaximumLimit = 10_000;

    private readonly int _limit = 100;

    /// <summary>Only this status; all when null.</summary>
    public FollowUpStatus? Status { get; init; }

    /// <summary>Only follow-ups owned by this team, compared ignoring case; all when null.</summary>
    public string? Team { get; init; }

    /// <summary>Only follow-ups after this position (the last one of the previous page); from the first when null.</summary>
    public FollowUpListPosition? After { get; init; }

    /// <summary>The most follow-ups on the page, 1 to <see cref="MaximumLimit"/>; 100 by default.</summary>
    public int Limit
    {
        get => _limit;
        init => _limit = value is >= 1 and <= MaximumLimit
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Limit), value, $"A page holds 1 to {MaximumLimit} follow-ups.");
    }

    /// <summary>Whether a follow-up matches the status, team and position (not the limit).</summary>
    /// <param name="followUp">The follow-up.</param>
    /// <returns>Whether it belongs on this page or a later one.</returns>
    public bool Matches(FollowUpCase followUp)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return (Status is not { } status || followUp.Status == status)
            && (Team is null || string.Equals(FollowUpCountQuery.TeamKey(followUp.OwnerTeam), FollowUpCountQuery.TeamKey(Team), StringComparison.Ordinal))
            && (After is not { } after || FollowUpListPosition.Of(followUp).CompareTo(after) > 0);
    }

    /// <summary>The page of follow-ups in memory, as a store reads it.</summary>
    /// <param name="followUps">The follow-ups (of any status and team).</param>
    /// <returns>The page, in list order.</returns>
    public IReadOnlyList<FollowUpCase> Apply(IEnumerable<FollowUpCase> followUps)
    {
        ArgumentNullException.ThrowIfNull(followUps);
        return [.. followUps.Where(Matches).Select(f => (Position: FollowUpListPosition.Of(f), FollowUp: f)).OrderBy(p => p.Position).Take(Limit).Select(p => p.FollowUp)];
    }
}

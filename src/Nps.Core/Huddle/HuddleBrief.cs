namespace Nps.Huddle;

/// <summary>
/// One page for a team's weekly (or daily) huddle: the score with its uncertainty and trend, whether it changed,
/// what customers said, compliments to pass on, the follow-up queue and a few points to discuss. Built by
/// <see cref="HuddleBriefBuilder"/>; written by <see cref="HuddleBriefRenderer"/> or as the
/// <c>Nps.Serialization.HuddleBriefDocument</c>.
/// </summary>
public sealed record HuddleBrief
{
    /// <summary>The team.</summary>
    public required string Team { get; init; }

    /// <summary>The period.</summary>
    public required HuddlePeriod Period { get; init; }

    /// <summary>The confidence level of the intervals and of the change's significance.</summary>
    public double Level { get; init; }

    /// <summary>The minimum n below which the score has not enough data and no change is tested.</summary>
    public int MinimumCount { get; init; }

    /// <summary>The score of the period.</summary>
    public HuddleScore Score { get; init; }

    /// <summary>
    /// The team's response rate in the period: invitations sent in it (by send time, manual ones only when included),
    /// how many were answered, the rate and its Wilson interval at <see cref="Level"/>; null when no invitation was sent
    /// or the invitations were not given.
    /// </summary>
    public Delivery.ResponseRateCell? ResponseRate { get; init; }

    /// <summary>The score of the last periods of the same length, oldest first, ending with <see cref="Score"/>.</summary>
    public IReadOnlyList<HuddleScore> Trend { get; init; } = [];

    /// <summary>
    /// The change against the previous period (this − previous), with its p-value; null unless both periods reach the
    /// minimum n. A figure to read, not a verdict: tested every week at 5 %, it would mark a false change about 2.6
    /// times a year; <see cref="Change"/> is the mark that survives weekly looking.
    /// </summary>
    public NpsComparison? VersusPrevious { get; init; }

    /// <summary>
    /// A lasting change from the team's usual level signalled within the trend's periods (the latest), e.g. "below its
    /// usual level since 2026-W14"; null when there is no evidence of one. Judged by sequential monitoring over
    /// <see cref="HuddleBriefOptions.ChangeHistoryPeriods"/>, calibrated to <see cref="HuddleBriefOptions.YearsPerFalseChangeMark"/>,
    /// so it survives being looked at every week (<see cref="Segmentation.LevelChangeMonitor"/>); the discussion points use it.
    /// </summary>
    public Segmentation.ChangeMark? Change { get; init; }

    /// <summary>The most mentioned themes of the period's comments, most mentioned first.</summary>
    public IReadOnlyList<HuddleTheme> Themes { get; init; } = [];

    /// <summary>Every detractor (0–6) of the period who left a comment, in time order.</summary>
    public IReadOnlyList<HuddleComment> DetractorComments { get; init; } = [];

    /// <summary>Every response of the period that asked for a callback, in time order.</summary>
    public IReadOnlyList<HuddleComment> Callbacks { get; init; } = [];

    /// <summary>Every promoter (9–10) of the period who left a comment, with the agent where known, in time order.</summary>
    public IReadOnlyList<HuddleComment> Compliments { get; init; } = [];

    /// <summary>The team's follow-up queue; null when no follow-ups were given.</summary>
    public HuddleFollowUpSummary? FollowUps { get; init; }

    /// <summary>
    /// Two or three points to discuss, derived from the data by fixed rules, in this order (the first three that apply):
    /// <list type="number">
    /// <item>the change: a lasting change from the usual level (<see cref="Change"/>), else "no evidence of a change",
    /// else "not enough data" (always one of them);</item>
    /// <item>overdue follow-ups, when there are any;</item>
    /// <item>the theme most mentioned by detractors (at least 2 of them);</item>
    /// <item>the compliments to pass on, with the theme promoters mention most;</item>
    /// <item>when none of 2–4 applies: ask the team what customers told them.</item>
    /// </list>
    /// </summary>
    public IReadOnlyList<string> DiscussionPoints { get; init; } = [];
}

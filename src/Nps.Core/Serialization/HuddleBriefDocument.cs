using Nps.Huddle;

namespace Nps.Serialization;

/// <summary>
/// The JSON contract of a huddle brief (<c>nps huddle --format json</c>). Scores and bounds in points at full
/// precision, null where a period has no answers.
/// </summary>
/// <param name="Team">The team.</param>
/// <param name="Period">The period's label: <c>2026-W11</c>, or <c>2026-03-01/2026-03-14</c> for a run of days.</param>
/// <param name="Score">The period's score.</param>
/// <param name="Trend">The last periods of the same length, oldest first, ending with this one.</param>
/// <param name="VersusPrevious">This period against the previous one; null unless both reach the minimum n.</param>
/// <param name="Themes">The most mentioned themes, with example comments.</param>
/// <param name="DetractorComments">Every detractor comment of the period.</param>
/// <param name="Callbacks">Every callback request of the period.</param>
/// <param name="Compliments">Every promoter comment of the period, with the agent where known.</param>
/// <param name="FollowUps">The team's open and overdue follow-ups; null when no follow-ups were given.</param>
/// <param name="DiscussionPoints">Two or three points to discuss, derived from the data.</param>
public sealed record HuddleBriefDocument(
    string Team,
    string Period,
    HuddleScoreDocument Score,
    IReadOnlyList<HuddleTrendDocument> Trend,
    HuddleChangeDocument? VersusPrevious,
    IReadOnlyList<HuddleThemeDocument> Themes,
    IReadOnlyList<HuddleCommentDocument> DetractorComments,
    IReadOnlyList<HuddleCommentDocument> Callbacks,
    IReadOnlyList<HuddleCommentDocument> Compliments,
    HuddleFollowUpsDocument? FollowUps,
    IReadOnlyList<string> DiscussionPoints)
{
    /// <summary>The document of a brief.</summary>
    /// <param name="brief">The brief.</param>
    /// <returns>The document.</returns>
    public static HuddleBriefDocument From(HuddleBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var score = brief.Score;
        return new HuddleBriefDocument(
            brief.Team,
            brief.Period.Label,
            new HuddleScoreDocument(score.Counts.Count, score.Score, Bound(score, score.Interval.Lower), Bound(score, score.Interval.Upper), score.EnoughData),
            [.. brief.Trend.Select(p => new HuddleTrendDocument(p.Period.Label, p.Counts.Count, p.Score, Bound(p, p.Interval.Lower), Bound(p, p.Interval.Upper)))],
            brief.VersusPrevious is { } change ? new HuddleChangeDocument(change.Difference, change.PValue, brief.Change is not null) : null,
            [.. brief.Themes.Select(t => new HuddleThemeDocument(t.Id, t.Name, t.Mentions.Count, [.. t.Examples.Select(e => new HuddleExampleDocument(e.ResponseId, e.Rating.Value, e.Comment))]))],
            Comments(brief.DetractorComments),
            Comments(brief.Callbacks),
            Comments(brief.Compliments),
            brief.FollowUps is { } f ? new HuddleFollowUpsDocument(f.Open, f.Overdue) : null,
            brief.DiscussionPoints)
        {
            Change = ChangeMarkDocument.From(brief.Change),
            ResponseRate = brief.ResponseRate is { } rate ? ResponseRateCellDocument.From(rate) : null,
        };
    }

    /// <summary>A lasting change from the team's usual level (sequential monitoring), e.g. "below its usual level since 2026-W14"; null when there is no evidence of one.</summary>
    public ChangeMarkDocument? Change { get; init; }

    /// <summary>The team's response rate in the period (invitations sent, answered, the rate and its Wilson interval); null when no invitation was sent.</summary>
    public ResponseRateCellDocument? ResponseRate { get; init; }

    private static double? Bound(HuddleScore score, double bound) => score.Score is null ? null : bound;

    private static HuddleCommentDocument[] Comments(IReadOnlyList<HuddleComment> comments) =>
        [.. comments.Select(c => new HuddleCommentDocument(c.ResponseId, c.Rating.Value, c.Comment, c.Agent))];
}

/// <summary>The score of a huddle brief's period.</summary>
/// <param name="Count">Answers (manual sends left out unless included).</param>
/// <param name="Nps">The score in points; null without answers.</param>
/// <param name="Lower">The interval's lower bound in points; null without answers.</param>
/// <param name="Upper">The interval's upper bound in points; null without answers.</param>
/// <param name="EnoughData">Whether the count reaches the minimum n.</param>
public sealed record HuddleScoreDocument(long Count, double? Nps, double? Lower, double? Upper, bool EnoughData);

/// <summary>One period of a huddle brief's trend.</summary>
/// <param name="Period">The period's label.</param>
/// <param name="Count">Answers.</param>
/// <param name="Nps">The score in points; null without answers.</param>
/// <param name="Lower">The interval's lower bound; null without answers.</param>
/// <param name="Upper">The interval's upper bound; null without answers.</param>
public sealed record HuddleTrendDocument(string Period, long Count, double? Nps, double? Lower, double? Upper);

/// <summary>The change against the previous period.</summary>
/// <param name="Difference">This period's score minus the previous one, in points.</param>
/// <param name="PValue">The two-sided p-value of no change.</param>
/// <param name="Significant">
/// Whether the score changed by the measure that survives weekly looking: a lasting change from the usual level is
/// marked (the brief's <c>change</c>). Not "p below 1 − level": tested every week, that would mark about 2.6 false
/// changes a year.
/// </param>
public sealed record HuddleChangeDocument(double Difference, double PValue, bool Significant);

/// <summary>A theme of the period's comments.</summary>
/// <param name="Id">The theme's id.</param>
/// <param name="Name">The theme's name.</param>
/// <param name="Mentions">Comments that mention it.</param>
/// <param name="Examples">Example comments.</param>
public sealed record HuddleThemeDocument(string Id, string Name, long Mentions, IReadOnlyList<HuddleExampleDocument> Examples);

/// <summary>An example comment of a theme.</summary>
/// <param name="ResponseId">The response.</param>
/// <param name="Rating">Its rating, 0–10.</param>
/// <param name="Comment">The comment.</param>
public sealed record HuddleExampleDocument(string ResponseId, int Rating, string Comment);

/// <summary>A detractor comment, callback request or compliment.</summary>
/// <param name="ResponseId">The response.</param>
/// <param name="Rating">Its rating, 0–10.</param>
/// <param name="Comment">The comment; null when there is none.</param>
/// <param name="Agent">The agent who handled the touchpoint; null when unknown.</param>
public sealed record HuddleCommentDocument(string ResponseId, int Rating, string? Comment, string? Agent);

/// <summary>The team's follow-up queue.</summary>
/// <param name="Open">Follow-ups awaiting their first contact.</param>
/// <param name="Overdue">Of those, past their due time.</param>
public sealed record HuddleFollowUpsDocument(int Open, int Overdue);

using System.Globalization;
using Nps.Insights;

namespace Nps.Huddle;

/// <summary>The fixed rules that turn a brief's figures into points to discuss (documented on <see cref="HuddleBrief.DiscussionPoints"/>).</summary>
internal static class HuddleDiscussionPoints
{
    private const int MaxPoints = 3;

    public static IReadOnlyList<string> Derive(HuddleBrief brief, HuddlePeriod previous, IReadOnlyList<ThemeResult> themes)
    {
        var points = new List<string> { Change(brief, previous) };

        if (brief.FollowUps is { Overdue: > 0 } followUps)
        {
            points.Add(Format($"{followUps.Overdue} follow-up{Plural(followUps.Overdue)} overdue ({followUps.Open} open): who calls whom back today?"));
        }

        var detractorTheme = themes.Where(t => t.Mentions.Detractors >= 2).OrderByDescending(t => t.Mentions.Detractors).FirstOrDefault();
        if (detractorTheme is not null)
        {
            points.Add(Format($"\"{detractorTheme.ThemeName}\" came up in {detractorTheme.Mentions.Detractors} detractor comments: what can the team change?"));
        }

        if (brief.Compliments.Count > 0)
        {
            var promoterTheme = themes.Where(t => t.Mentions.Promoters > 0).OrderByDescending(t => t.Mentions.Promoters).FirstOrDefault();
            points.Add(promoterTheme is null
                ? Format($"Pass on {brief.Compliments.Count} compliment{Plural(brief.Compliments.Count)} to the people they are about.")
                : Format($"Pass on {brief.Compliments.Count} compliment{Plural(brief.Compliments.Count)}; promoters mention \"{promoterTheme.ThemeName}\" most: keep doing it."));
        }

        if (points.Count == 1)
        {
            points.Add("Few comments this period: what did customers tell the team directly?");
        }

        return points.Count > MaxPoints ? points[..MaxPoints] : points;
    }

    private static string Change(HuddleBrief brief, HuddlePeriod previous)
    {
        var score = brief.Score;
        if (!score.EnoughData)
        {
            return Format($"Only {score.Counts.Count} response{Plural(score.Counts.Count)} this period (fewer than {brief.MinimumCount}): read the score as a hint, not a verdict.");
        }

        if (brief.Change is { } mark)
        {
            return Format($"The score is {mark.Summary}: what changed?");
        }

        if (brief.VersusPrevious is not { } change)
        {
            return Format($"Not enough responses in {previous.Label} to compare with: read this period's score on its own.");
        }

        return Format($"No evidence of a change from the usual level ({change.Difference:+0.0;-0.0;0.0} points against {previous.Label}, p = {change.PValue:0.###}): no need to chase noise.");
    }

    private static string Plural(long count) => count == 1 ? "" : "s";

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

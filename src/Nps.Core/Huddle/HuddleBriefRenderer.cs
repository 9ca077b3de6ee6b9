using System.Globalization;
using System.Net;
using System.Text;

namespace Nps.Huddle;

/// <summary>
/// Writes a <see cref="HuddleBrief"/> as one page, so every host produces the same one: Markdown, or a single
/// self-contained HTML file (inline style and an inline SVG trend chart with the interval band; no scripts, no
/// external assets). All text from the data is escaped.
/// </summary>
public static class HuddleBriefRenderer
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The brief as Markdown.</summary>
    /// <param name="brief">The brief.</param>
    /// <returns>The Markdown text, with <c>\n</c> line ends.</returns>
    public static string ToMarkdown(HuddleBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var md = new StringBuilder();
        md.Append("# Huddle brief: ").Append(Md(brief.Team)).Append(", ").Append(brief.Period.Label).Append('\n').Append('\n');
        md.Append(ScoreLine(brief, bold: true)).Append('\n').Append('\n');
        if (RateLine(brief) is { } rate) md.Append(rate).Append('\n').Append('\n');
        md.Append(ChangeLine(brief)).Append('\n').Append('\n');

        md.Append("## Discussion points\n\n");
        for (var i = 0; i < brief.DiscussionPoints.Count; i++)
        {
            md.Append(Invariant, $"{i + 1}. ").Append(Md(brief.DiscussionPoints[i])).Append('\n');
        }

        md.Append(Invariant, $"\n## Trend (last {brief.Trend.Count} periods)\n\n");
        md.Append("| period | n | NPS | ").Append(LevelLabel(brief)).Append(" interval |\n|---|---:|---:|---|\n");
        foreach (var point in brief.Trend)
        {
            md.Append("| ").Append(point.Period.Label).Append(" | ").Append(point.Counts.Count.ToString(Invariant)).Append(" | ")
              .Append(Signed(point.Score)).Append(" | ").Append(point.Score is null ? "" : Interval(point.Interval)).Append(" |\n");
        }

        md.Append("\n## What customers said\n");
        if (brief.Themes.Count == 0) md.Append("\nNo comment mentions a theme this period.\n");
        foreach (var theme in brief.Themes)
        {
            md.Append("\n### ").Append(Md(theme.Name)).Append(" (").Append(Mentions(theme)).Append(")\n\n");
            foreach (var example in theme.Examples)
            {
                md.Append(Invariant, $"- {example.Rating.Value} · {Md(example.ResponseId)}: {Md(example.Comment)}\n");
            }
        }

        CommentSection(md, "Detractor comments", brief.DetractorComments, "No detractor left a comment this period.");
        CommentSection(md, "Callback requests", brief.Callbacks, "Nobody asked for a callback this period.");
        CommentSection(md, "Compliments to pass on", brief.Compliments, "No promoter left a comment this period.");

        md.Append("\n## Follow-ups\n\n").Append(FollowUpLine(brief)).Append('\n');
        return md.ToString();
    }

    /// <summary>The brief as one self-contained HTML page.</summary>
    /// <param name="brief">The brief.</param>
    /// <returns>The HTML text, with <c>\n</c> line ends.</returns>
    public static string ToHtml(HuddleBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var title = $"Huddle brief: {brief.Team}, {brief.Period.Label}";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(H(title)).Append("</title>\n<style>\n")
            .Append("body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d2430;line-height:1.45}\n")
            .Append("h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.8rem;border-bottom:1px solid #d8dde6}h3{font-size:1rem}\n")
            .Append(".score{font-size:1.25rem}.muted{color:#5b6573}table{border-collapse:collapse}td,th{padding:.2rem .7rem;border-bottom:1px solid #e5e8ee;text-align:right}td:first-child,th:first-child{text-align:left}\n")
            .Append("li{margin:.25rem 0}.rating{display:inline-block;min-width:1.6rem;font-weight:600}svg{max-width:100%;height:auto}\n")
            .Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(H(title)).Append("</h1>\n");
        html.Append("<p class=\"score\">").Append(H(ScoreLine(brief, bold: false))).Append("</p>\n");
        if (RateLine(brief) is { } rate) html.Append("<p class=\"rate\">").Append(H(rate)).Append("</p>\n");
        html.Append("<p>").Append(H(ChangeLine(brief))).Append("</p>\n");

        html.Append("<h2>Discussion points</h2>\n<ol>\n");
        foreach (var point in brief.DiscussionPoints) html.Append("<li>").Append(H(point)).Append("</li>\n");
        html.Append("</ol>\n");

        html.Append(Invariant, $"<h2>Trend (last {brief.Trend.Count} periods)</h2>\n");
        HuddleTrendChart.Append(html, brief);
        html.Append("<table>\n<tr><th>period</th><th>n</th><th>NPS</th><th>").Append(H(LevelLabel(brief))).Append(" interval</th></tr>\n");
        foreach (var point in brief.Trend)
        {
            html.Append("<tr><td>").Append(H(point.Period.Label)).Append("</td><td>").Append(point.Counts.Count.ToString(Invariant))
                .Append("</td><td>").Append(H(Signed(point.Score))).Append("</td><td>").Append(H(point.Score is null ? "" : Interval(point.Interval))).Append("</td></tr>\n");
        }

        html.Append("</table>\n<h2>What customers said</h2>\n");
        if (brief.Themes.Count == 0) html.Append("<p class=\"muted\">No comment mentions a theme this period.</p>\n");
        foreach (var theme in brief.Themes)
        {
            html.Append("<h3>").Append(H(theme.Name)).Append("</h3>\n<p class=\"muted\">")
                .Append(H(Mentions(theme))).Append("</p>\n<ul>\n");
            foreach (var example in theme.Examples)
            {
                html.Append("<li><span class=\"rating\">").Append(example.Rating.Value.ToString(Invariant)).Append("</span> ")
                    .Append(H(example.Comment)).Append(" <span class=\"muted\">").Append(H(example.ResponseId)).Append("</span></li>\n");
            }

            html.Append("</ul>\n");
        }

        HtmlCommentSection(html, "Detractor comments", brief.DetractorComments, "No detractor left a comment this period.");
        HtmlCommentSection(html, "Callback requests", brief.Callbacks, "Nobody asked for a callback this period.");
        HtmlCommentSection(html, "Compliments to pass on", brief.Compliments, "No promoter left a comment this period.");
        html.Append("<h2>Follow-ups</h2>\n<p>").Append(H(FollowUpLine(brief))).Append("</p>\n</body>\n</html>\n");
        return html.ToString();
    }

    internal static string Signed(double? value) => value?.ToString("+0.0;-0.0;0.0", Invariant) ?? "";

    private static string Mentions(HuddleTheme theme)
    {
        var m = theme.Mentions;
        return $"{Count(m.Count, "mention")}: {Count(m.Promoters, "promoter")}, {Count(m.Passives, "passive")}, {Count(m.Detractors, "detractor")}";
    }

    private static string Count(long count, string noun) => count.ToString(Invariant) + " " + noun + (count == 1 ? "" : "s");

    private static string LevelLabel(HuddleBrief brief) => (brief.Level * 100).ToString("0.##", Invariant) + "%";

    private static string Interval(NpsInterval interval) => $"[{Signed(interval.Lower)}, {Signed(interval.Upper)}]";

    private static string ScoreLine(HuddleBrief brief, bool bold)
    {
        var score = brief.Score;
        var n = score.Counts.Count.ToString(Invariant);
        if (score.Score is not { } value) return $"No responses this period (n = 0).";
        var nps = bold ? $"**NPS {Signed(value)}**" : $"NPS {Signed(value)}";
        var line = $"{nps} (n = {n}, {LevelLabel(brief)} interval {Interval(score.Interval)}; {Count(score.Counts.Promoters, "promoter")}, {Count(score.Counts.Passives, "passive")}, {Count(score.Counts.Detractors, "detractor")})";
        return score.EnoughData ? line : line + $": not enough data (fewer than {brief.MinimumCount.ToString(Invariant)})";
    }

    /// <summary>The response rate beside the score, e.g. "Response rate 41.2% (35 of 85 invitations answered; 95% interval 31.3% to 51.9%)."; null without invitations.</summary>
    private static string? RateLine(HuddleBrief brief) => brief.ResponseRate is { Sent: > 0 } r
        ? $"Response rate {Percent(r.Rate)} ({r.Answered.ToString(Invariant)} of {Count(r.Sent, "invitation")} answered; {LevelLabel(brief)} interval {Percent(r.Lower)} to {Percent(r.Upper)})."
        : null;

    private static string Percent(double share) => (share * 100).ToString("0.0", Invariant) + "%";

    private static string ChangeLine(HuddleBrief brief)
    {
        var previous = brief.Trend.Count >= 2 ? brief.Trend[^2] : default;
        if (brief.VersusPrevious is not { } change)
        {
            if (brief.Change is { } lasting) return $"Versus {previous.Period.Label}: not tested; {lasting.Summary}.";
            return $"Versus {previous.Period.Label}: not tested (both periods need at least {brief.MinimumCount.ToString(Invariant)} responses; {previous.Period.Label} had {previous.Counts.Count.ToString(Invariant)}).";
        }

        var verdict = brief.Change is { } mark ? mark.Summary : "no evidence of a change from its usual level";
        return $"Versus {previous.Period.Label} (NPS {Signed(change.ScoreB)}, n = {previous.Counts.Count.ToString(Invariant)}): {Signed(change.Difference)} points, p = {change.PValue.ToString("0.###", Invariant)}, {verdict}.";
    }

    private static string FollowUpLine(HuddleBrief brief) => brief.FollowUps is { } f
        ? $"{f.Open.ToString(Invariant)} open, {f.Overdue.ToString(Invariant)} overdue (as of {f.AsOf.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", Invariant)} UTC)."
        : "No follow-up data.";

    private static void CommentSection(StringBuilder md, string heading, IReadOnlyList<HuddleComment> comments, string none)
    {
        md.Append("\n## ").Append(heading).Append(Invariant, $" ({comments.Count})\n\n");
        if (comments.Count == 0) md.Append(none).Append('\n');
        foreach (var c in comments)
        {
            md.Append(Invariant, $"- {c.Rating.Value} · {Md(c.ResponseId)}");
            if (c.Agent is not null) md.Append(" (").Append(Md(c.Agent)).Append(')');
            md.Append(": ").Append(c.Comment is null ? "*(no comment)*" : Md(c.Comment)).Append('\n');
        }
    }

    private static void HtmlCommentSection(StringBuilder html, string heading, IReadOnlyList<HuddleComment> comments, string none)
    {
        html.Append("<h2>").Append(H(heading)).Append(Invariant, $" ({comments.Count})</h2>\n");
        if (comments.Count == 0)
        {
            html.Append("<p class=\"muted\">").Append(H(none)).Append("</p>\n");
            return;
        }

        html.Append("<ul>\n");
        foreach (var c in comments)
        {
            html.Append("<li><span class=\"rating\">").Append(c.Rating.Value.ToString(Invariant)).Append("</span> ")
                .Append(c.Comment is null ? "<em>(no comment)</em>" : H(c.Comment))
                .Append(" <span class=\"muted\">").Append(H(c.ResponseId));
            if (c.Agent is not null) html.Append(", ").Append(H(c.Agent));
            html.Append("</span></li>\n");
        }

        html.Append("</ul>\n");
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" / ");

    /// <summary>Escapes HTML (text and attribute values).</summary>
    internal static string H(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>
    /// Escapes the characters that Markdown would read as formatting, links or HTML, and keeps the text on one line
    /// (a line break in a name or comment would end the list item it is in): line breaks become " / ", other control
    /// characters spaces.
    /// </summary>
    private static string Md(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in OneLine(text))
        {
            if (char.IsControl(c))
            {
                sb.Append(' ');
                continue;
            }

            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '~') sb.Append('\\');
            sb.Append(c);
        }

        return sb.ToString();
    }
}

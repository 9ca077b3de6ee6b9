using Microsoft.Extensions.Time.Testing;
using Nps.Huddle;
using static Nps.Tests.Huddle.HuddleTestData;

namespace Nps.Tests.Huddle;

public sealed class HuddleBriefRendererTests
{
    private static HuddleBrief Brief(params SurveyResponse[] extra) =>
        new HuddleBriefBuilder(
                new HuddleBriefOptions { Team = "care", Period = HuddlePeriod.IsoWeekOf(new DateOnly(2026, 3, 11)), MinimumCount = 5, Taxonomy = Taxonomy },
                new FakeTimeProvider(At("2026-03-18T12:00:00Z")))
            .Build([.. Responses(), .. extra], FollowUps());

    private static readonly SurveyResponse Hostile = new()
    {
        ResponseId = "R99",
        Rating = NpsRating.From(2),
        RespondedAt = At("2026-03-12T10:00:00Z"),
        Team = "care",
        Agent = "<b>eve</b>",
        Comment = "<script>alert('x')</script> *bold* | pipe\nsecond line & more",
    };

    [Fact]
    public void ToMarkdown_TeamWeek_WritesEverySection()
    {
        var markdown = HuddleBriefRenderer.ToMarkdown(Brief());

        Assert.StartsWith("# Huddle brief: care, 2026-W11\n\n**NPS 0.0** (n = 8, 95% interval [-48.8, +48.8]; 3 promoters, 2 passives, 3 detractors)\n", markdown, StringComparison.Ordinal);
        Assert.Contains("Versus 2026-W10 (NPS +40.0, n = 5): -40.0 points, p = 0.396, no evidence of a change from its usual level.", markdown, StringComparison.Ordinal);
        Assert.Contains("| 2026-W10 | 5 | +40.0 | [-29.8, +79.8] |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 2026-W05 | 0 |  |  |", markdown, StringComparison.Ordinal);
        Assert.Contains("### Waiting (2 mentions: 0 promoters, 0 passives, 2 detractors)", markdown, StringComparison.Ordinal);
        Assert.Contains("## Callback requests (3)\n\n- 9 · R3 (anna): *(no comment)*\n- 7 · R5: Please call me about my bill\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## Compliments to pass on (3)\n\n- 10 · R1 (anna): Super friendly, thank you Anna\n", markdown, StringComparison.Ordinal);
        Assert.EndsWith("## Follow-ups\n\n2 open, 1 overdue (as of 2026-03-16 00:00 UTC).\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdownAndHtml_WithResponseRate_RateBesideTheScore()
    {
        var rate = new Nps.Delivery.ResponseRateCell(new Dictionary<string, string> { ["team"] = "care" }, null, 85, 35, 35.0 / 85, 0.3128, 0.5192);
        var brief = Brief() with { ResponseRate = rate };

        var markdown = HuddleBriefRenderer.ToMarkdown(brief);
        var html = HuddleBriefRenderer.ToHtml(brief);

        Assert.Contains("3 detractors)\n\nResponse rate 41.2% (35 of 85 invitations answered; 95% interval 31.3% to 51.9%).\n\nVersus 2026-W10", markdown, StringComparison.Ordinal);
        Assert.Contains("<p class=\"rate\">Response rate 41.2% (35 of 85 invitations answered; 95% interval 31.3% to 51.9%).</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdownAndHtml_NoInvitations_NoResponseRate()
    {
        var brief = Brief();

        Assert.Null(brief.ResponseRate);
        Assert.DoesNotContain("Response rate", HuddleBriefRenderer.ToMarkdown(brief), StringComparison.Ordinal);
        Assert.DoesNotContain("Response rate", HuddleBriefRenderer.ToHtml(brief), StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_FormattingInComments_IsEscapedOnOneLine()
    {
        var markdown = HuddleBriefRenderer.ToMarkdown(Brief(Hostile));

        Assert.Contains("- 2 · R99 (\\<b\\>eve\\</b\\>): \\<script\\>alert('x')\\</script\\> \\*bold\\* \\| pipe / second line & more\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_LineBreakInAgentName_ListItemStaysOneLine()
    {
        var markdown = HuddleBriefRenderer.ToMarkdown(Brief(Hostile with { Agent = "eve\n- 10 · FAKE (mallory)\r\nx\u0001y", Comment = "ok" }));

        Assert.Contains("- 2 · R99 (eve / - 10 · FAKE (mallory) / x y): ok\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\n- 10 · FAKE", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_HostileComment_IsEscaped()
    {
        var html = HuddleBriefRenderer.ToHtml(Brief(Hostile));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>eve", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; *bold* | pipe\nsecond line &amp; more", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_TeamWeek_IsOneSelfContainedPageWithATrendChartAndBand()
    {
        var html = HuddleBriefRenderer.ToHtml(Brief());

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", html, StringComparison.Ordinal);
        // W04 alone, then W10–W11: two runs, each with its band and line.
        Assert.Equal(2, Count(html, "<polygon class=\"band\""));
        Assert.Equal(2, Count(html, "<polyline "));
        Assert.Equal(3, Count(html, "<circle "));
        Assert.Equal(1, Count(html, "http"));                 // only the SVG namespace: no external asset
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" href=", html, StringComparison.Ordinal);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}

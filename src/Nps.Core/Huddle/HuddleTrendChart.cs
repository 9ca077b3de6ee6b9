using System.Globalization;
using System.Text;

namespace Nps.Huddle;

/// <summary>
/// The brief's trend as a small inline SVG: the score per period as a line with points (hollow below the minimum n)
/// over the band of its confidence interval; periods without answers leave a gap.
/// </summary>
internal static class HuddleTrendChart
{
    private const double Width = 640, Height = 220, Left = 48, Right = 36, Top = 12, Bottom = 30;

    public static void Append(StringBuilder svg, HuddleBrief brief)
    {
        var points = brief.Trend;
        var withData = points.Where(p => p.Score is not null).ToList();
        double low = -100, high = 100;
        if (withData.Count > 0)
        {
            low = Math.Max(-100, Math.Floor((withData.Min(p => p.Interval.Lower) - 5) / 10) * 10);
            high = Math.Min(100, Math.Ceiling((withData.Max(p => p.Interval.Upper) + 5) / 10) * 10);
        }

        double X(int i) => points.Count == 1 ? Left + ((Width - Left - Right) / 2) : Left + (i * (Width - Left - Right) / (points.Count - 1));
        double Y(double value) => Top + ((high - value) / (high - low) * (Height - Top - Bottom));

        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"NPS per period with its {brief.Level * 100:0.##}% interval\">\n"));
        svg.Append("<title>").Append(HuddleBriefRenderer.H($"NPS per period, {brief.Team}")).Append("</title>\n");
        foreach (var tick in new[] { low, 0, high }.Distinct().Where(t => t >= low && t <= high))
        {
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Y(tick):0.#}\" x2=\"{Width - Right}\" y2=\"{Y(tick):0.#}\" stroke=\"{(tick == 0 ? "#9aa3b0" : "#e5e8ee")}\" stroke-width=\"1\"/>\n"));
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{Y(tick) + 4:0.#}\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6573\">{HuddleBriefRenderer.Signed(tick)}</text>\n"));
        }

        foreach (var run in Runs(points))
        {
            var band = new StringBuilder();
            foreach (var i in run) band.Append(Invariant($"{X(i):0.#},{Y(points[i].Interval.Upper):0.#} "));
            foreach (var i in run.AsEnumerable().Reverse()) band.Append(Invariant($"{X(i):0.#},{Y(points[i].Interval.Lower):0.#} "));
            svg.Append("<polygon class=\"band\" points=\"").Append(band.ToString().TrimEnd()).Append("\" fill=\"#3b6fd4\" fill-opacity=\"0.18\" stroke=\"none\"/>\n");
            var line = string.Join(" ", run.Select(i => Invariant($"{X(i):0.#},{Y(points[i].Score!.Value):0.#}")));
            svg.Append("<polyline points=\"").Append(line).Append("\" fill=\"none\" stroke=\"#3b6fd4\" stroke-width=\"2\"/>\n");
        }

        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var label = p.Period.IsIsoWeek ? p.Period.Label : p.Period.From.ToString("MM-dd", CultureInfo.InvariantCulture);
            svg.Append(Invariant($"<text x=\"{X(i):0.#}\" y=\"{Height - 10}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5b6573\">{HuddleBriefRenderer.H(label)}</text>\n"));
            if (p.Score is not { } score) continue;
            svg.Append(Invariant($"<circle cx=\"{X(i):0.#}\" cy=\"{Y(score):0.#}\" r=\"4\" fill=\"{(p.EnoughData ? "#3b6fd4" : "#ffffff")}\" stroke=\"#3b6fd4\" stroke-width=\"2\"><title>"))
               .Append(HuddleBriefRenderer.H(Invariant($"{p.Period.Label}: NPS {HuddleBriefRenderer.Signed(score)}, n = {p.Counts.Count}, [{HuddleBriefRenderer.Signed(p.Interval.Lower)}, {HuddleBriefRenderer.Signed(p.Interval.Upper)}]")))
               .Append("</title></circle>\n");
        }

        svg.Append("</svg>\n");
    }

    /// <summary>Consecutive periods that have answers.</summary>
    private static List<List<int>> Runs(IReadOnlyList<HuddleScore> points)
    {
        var runs = new List<List<int>>();
        List<int>? current = null;
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Score is null)
            {
                current = null;
                continue;
            }

            if (current is null)
            {
                current = [];
                runs.Add(current);
            }

            current.Add(i);
        }

        return runs;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

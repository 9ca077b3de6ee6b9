using Nps.Serialization;
using System.Globalization;
using Nps.Samples.Console.Output;
using Nps.Segmentation;

namespace Nps.Samples.Console.Reporting;

/// <summary>Writes a <see cref="NpsReportDocument"/> as a text table or as CSV.</summary>
internal static class ReportWriters
{
    /// <summary>
    /// A table for people: scores below the minimum n are replaced by "n&lt;min"; ▲/▼ mark a significant change
    /// against the previous period (vs prev) and against the rest (vs rest); the weighted NPS, its interval and the
    /// effective n appear when inclusion probabilities differ.
    /// </summary>
    public static void WriteTable(TextWriter writer, NpsReportDocument report, NpsReportOptions options)
    {
        var names = Names(options);
        var all = report.Segments.Append(report.Overall).ToList();
        var weighted = all.Any(s => s.WeightedNps is not null);
        var versusPrevious = all.Any(s => s.VersusPrevious is not null);
        var versusRest = all.Any(s => s.VersusRest is not null);
        var percent = (report.Level * 100).ToString("0.##", CultureInfo.InvariantCulture);
        string[] statistics = ["n", "NPS", $"{percent}% interval", "promoters", "passives", "detractors"];
        string[] markers = [.. versusPrevious ? ["vs prev"] : Array.Empty<string>(), .. versusRest ? ["vs rest"] : Array.Empty<string>()];
        string[] weights = weighted ? ["weighted NPS", $"weighted {percent}%", "eff. n"] : [];
        var table = new TextTable([.. names, .. statistics, .. markers, .. weights]);
        foreach (var segment in all)
        {
            var cells = segment == report.Overall
                ? names.Select((_, i) => i == 0 ? "(all)" : "")
                : names.Select(n => segment.Dimensions.GetValueOrDefault(n, NpsReportCell.MissingValue));
            string[] marks = [.. versusPrevious ? [Marker(segment.VersusPrevious)] : Array.Empty<string>(), .. versusRest ? [Marker(segment.VersusRest)] : Array.Empty<string>()];
            table.Add([.. cells, .. Statistics(segment, report.MinN), .. marks, .. weighted ? Weights(segment, report.MinN) : []]);
        }

        var grouping = (options.Dimensions.Count > 0 ? " by " + string.Join(", ", options.Dimensions) : "") +
            (options.Period is { } period ? $" per {WireNames.Format(period)} ({options.TimeZone.Id})" : "");
        writer.WriteLine($"NPS{grouping}: {report.Method} {percent}% intervals, min n {report.MinN}" +
            (report.Overall.ManualSends > 0 ? $", {report.Overall.ManualSends:N0} manual sends {(report.IncludeManual ? "included" : "excluded")}" : "") +
            (report.Rejected > 0 ? $", {report.Rejected:N0} invalid rows skipped" : ""));
        table.Write(writer);
        if (versusPrevious || versusRest)
        {
            var against = string.Join(" or ", new[] { versusPrevious ? "the previous period (vs prev)" : null, versusRest ? "the rest of the responses (vs rest)" : null }.OfType<string>());
            writer.WriteLine($"▲/▼: significantly higher/lower than {against}, Benjamini–Hochberg adjusted p < {(1 - report.Level).ToString("0.###", CultureInfo.InvariantCulture)}.");
        }

        if (weighted)
        {
            writer.WriteLine("weighted NPS: responses weighted by 1 / inclusion probability, with its interval and effective n; blank where a cell's probabilities are all equal.");
        }
    }

    /// <summary>CSV for spreadsheets: one row per segment and a last row with scope <c>overall</c>.</summary>
    public static void WriteCsv(TextWriter writer, NpsReportDocument report, NpsReportOptions options)
    {
        var names = Names(options);
        CsvWriter.WriteRow(writer, ["scope", .. names, "count", "promoters", "passives", "detractors", "nps", "lower", "upper", "enough_data", "manual_sends", "weighted_nps", "weighted_lower", "weighted_upper"]);
        foreach (var segment in report.Segments.Append(report.Overall))
        {
            var overall = segment == report.Overall;
            CsvWriter.WriteRow(writer, [
                overall ? "overall" : "segment",
                .. names.Select(n => overall ? "" : segment.Dimensions.GetValueOrDefault(n, NpsReportCell.MissingValue))], [
                Number(segment.Count), Number(segment.Promoters), Number(segment.Passives), Number(segment.Detractors),
                Number(segment.Nps), Number(segment.Lower), Number(segment.Upper),
                segment.EnoughData ? "true" : "false", Number(segment.ManualSends),
                Number(segment.WeightedNps), Number(segment.WeightedLower), Number(segment.WeightedUpper)]);
        }
    }

    private static string[] Names(NpsReportOptions options) =>
        [.. options.Dimensions, .. options.Period is null ? Array.Empty<string>() : ["period"]];

    private static IEnumerable<string> Statistics(NpsReportCellDocument segment, int minN) =>
    [
        Number(segment.Count),
        Score(segment.Nps, segment, minN),
        segment.Lower is { } lower && segment.Upper is { } upper ? $"[{Signed(lower)}, {Signed(upper)}]" : "",
        Number(segment.Promoters),
        Number(segment.Passives),
        Number(segment.Detractors),
    ];

    private static string Marker(NpsSignificanceDocument? test) =>
        test is { Significant: true } t ? t.Difference > 0 ? "▲" : "▼" : "";

    private static string[] Weights(NpsReportCellDocument segment, int minN) =>
    [
        Score(segment.WeightedNps, segment, minN),
        segment.EnoughData && segment.WeightedLower is { } lower && segment.WeightedUpper is { } upper ? $"[{Signed(lower)}, {Signed(upper)}]" : "",
        segment.EffectiveCount is { } effective ? effective.ToString("0.0", CultureInfo.InvariantCulture) : "",
    ];

    private static string Score(double? score, NpsReportCellDocument segment, int minN) =>
        score is null ? "" : segment.EnoughData ? Signed(score.Value) : $"n<{minN}";

    private static string Signed(double value) => value.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    // Full precision (the shortest text that round-trips), as in JSON: CSV is a machine format too.
    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}

using System.Globalization;
using System.Text;
using Nps.Segmentation;

namespace Nps.Tests.Segmentation;

/// <summary>
/// A report as text — every cell's dimensions, counts, manual sends, weighted estimate and tests — so two reports
/// compare with one string equality and a failure shows the first line that differs. Doubles are written with 12
/// significant digits: sums taken in another order (a database's GROUP BY) differ only below that.
/// </summary>
/// <remarks>Linked into the store tests too: the one way reports are compared.</remarks>
internal static class ReportFingerprint
{
    public static string Of(NpsReport report)
    {
        var text = new StringBuilder();
        Cell(text, "overall", report.Overall);
        foreach (var cell in report.Cells) Cell(text, "cell", cell);
        foreach (var cell in report.PeriodTotals) Cell(text, "period", cell);
        text.Append("tests ").Append(report.TestCount).Append('\n');
        return text.ToString();
    }

    private static void Cell(StringBuilder text, string kind, NpsReportCell cell)
    {
        text.Append(kind);
        foreach (var (name, value) in cell.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal)) text.Append(' ').Append(name).Append('=').Append(value);
        text.Append(" counts=").AppendJoin(',', cell.Distribution.Counts.ToArray()).Append(" manual=").Append(cell.ManualSends)
            .Append(" unsolicited=").Append(cell.Unsolicited);
        if (cell.Weighted is { } w)
        {
            text.Append(" weighted=").Append(w.Count).Append('/').Append(Number(w.SumOfWeights)).Append('/').Append(Number(w.EffectiveSampleSize))
                .Append('/').Append(Number(w.Score)).Append('/').Append(Number(w.StandardError));
        }

        if (cell.VersusRest is { } rest) text.Append(" rest=").Append(Number(rest.PValue)).Append('/').Append(Number(rest.AdjustedPValue));
        if (cell.VersusPrevious is { } previous) text.Append(" previous=").Append(Number(previous.PValue)).Append('/').Append(Number(previous.AdjustedPValue));
        text.Append('\n');
    }

    // Ten significant digits: weighted sums added in another order (counts pushed down vs rows) differ in the last bits.
    private static string Number(double value) => value.ToString("G10", CultureInfo.InvariantCulture);
}

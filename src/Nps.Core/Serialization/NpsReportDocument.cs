using Nps.Segmentation;

namespace Nps.Serialization;

/// <summary>
/// The JSON contract of an NPS report, shared by every host (the <c>nps report --format json</c> output and the
/// web API's <c>GET /api/reports/nps</c>), so the two cannot drift apart. Write it with <see cref="NpsJson"/>.
/// </summary>
/// <param name="Level">The confidence level used, in (0, 1).</param>
/// <param name="Method">The interval method used (<see cref="WireNames"/>): <c>adjusted-wald</c>, <c>wald</c> or <c>score</c>.</param>
/// <param name="Rejected">Invalid input rows that were skipped.</param>
/// <param name="MinN">The minimum n below which a cell has not enough data.</param>
/// <param name="IncludeManual">Whether manual sends were counted.</param>
/// <param name="Overall">The whole population.</param>
/// <param name="Segments">One entry per combination of dimension values (and period), ordered by those values, then period.</param>
public sealed record NpsReportDocument(
    double Level,
    string Method,
    long Rejected,
    int MinN,
    bool IncludeManual,
    NpsReportCellDocument Overall,
    IReadOnlyList<NpsReportCellDocument> Segments)
{
    /// <summary>
    /// The document of a report: overall, then the segments ordered by their dimension values in the order the
    /// report groups by, then by period (easier to read per team than per period).
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="rejected">Invalid input rows that were skipped before the report saw them.</param>
    /// <returns>The document.</returns>
    public static NpsReportDocument From(NpsReport report, long rejected = 0)
    {
        ArgumentNullException.ThrowIfNull(report);
        var options = report.Options;
        var names = NpsReportCellDocument.Names(options);
        var cells = report.CellsByDimensions; // ordered by the builder (ranks, not string comparisons per pair)
        var segments = new NpsReportCellDocument[cells.Count];
        for (var i = 0; i < segments.Length; i++) segments[i] = NpsReportCellDocument.From(cells[i], options, names);
        return new NpsReportDocument(options.Level, WireNames.Format(options.IntervalMethod), rejected, options.MinimumCount,
            options.IncludeManual, NpsReportCellDocument.From(report.Overall, options, names), segments)
        {
            IncludeUnsolicited = options.IncludeUnsolicited,
        };
    }

    /// <summary>Whether unsolicited responses (that matched no invitation) were counted.</summary>
    public bool IncludeUnsolicited { get; init; }
}

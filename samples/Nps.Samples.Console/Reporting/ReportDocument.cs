namespace Nps.Samples.Console.Reporting;

/// <summary>The JSON document of <c>nps report --format json</c>.</summary>
/// <param name="Level">The confidence level used.</param>
/// <param name="Method">The interval method used (adjusted-wald, wald or score).</param>
/// <param name="Rejected">Invalid rows skipped with <c>--skip-invalid</c>.</param>
/// <param name="MinN">The minimum n below which a cell has not enough data.</param>
/// <param name="IncludeManual">Whether manual sends were counted.</param>
/// <param name="Overall">The whole file.</param>
/// <param name="Segments">One entry per combination of dimension values (and period), ordered by those values.</param>
public sealed record ReportDocument(
    double Level,
    string Method,
    long Rejected,
    int MinN,
    bool IncludeManual,
    SegmentResult Overall,
    IReadOnlyList<SegmentResult> Segments);

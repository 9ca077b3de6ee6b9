namespace Nps.Segmentation;

/// <summary>The result of an <see cref="NpsReportBuilder"/>: the overall cell, the segment cells, per-period totals and their tests.</summary>
public sealed class NpsReport
{
    internal NpsReport(NpsReportOptions options, NpsReportCell overall, IReadOnlyList<NpsReportCell> cells,
        IReadOnlyList<NpsReportCell> cellsByDimensions, IReadOnlyList<NpsReportCell> periodTotals, int testCount)
    {
        Options = options;
        Overall = overall;
        Cells = cells;
        CellsByDimensions = cellsByDimensions;
        PeriodTotals = periodTotals;
        TestCount = testCount;
    }

    /// <summary>The options the report was built with.</summary>
    public NpsReportOptions Options { get; }

    /// <summary>Everything counted, in one cell (no dimensions).</summary>
    public NpsReportCell Overall { get; }

    /// <summary>
    /// One cell per combination of dimension values (and period) seen, ordered by period, then dimension values
    /// (ordinal). Empty when the report groups by neither dimensions nor period.
    /// </summary>
    public IReadOnlyList<NpsReportCell> Cells { get; }

    /// <summary>
    /// The same cells ordered by dimension values (ordinal, in the options' order), then period: the order of the
    /// report document (<see cref="Serialization.NpsReportDocument"/>), sorted once by the builder.
    /// </summary>
    internal IReadOnlyList<NpsReportCell> CellsByDimensions { get; }

    /// <summary>When grouped by time: one cell per period over all segments, in time order, each tested against the previous period. Otherwise empty.</summary>
    public IReadOnlyList<NpsReportCell> PeriodTotals { get; }

    /// <summary>The number of tests the Benjamini–Hochberg adjustment spans (every vs-rest and vs-previous test in this report).</summary>
    public int TestCount { get; }

    /// <summary>Finds the cell with the given dimension values (include <c>"period"</c> when grouped by time).</summary>
    /// <param name="values">Dimension name and value pairs; names as in the options, values as shown.</param>
    /// <returns>The cell, or null when no response fell in it.</returns>
    public NpsReportCell? Find(params ReadOnlySpan<KeyValuePair<string, string>> values)
    {
        foreach (var cell in Cells)
        {
            var match = cell.Dimensions.Count == values.Length;
            foreach (var (name, value) in values)
            {
                if (!match) break;
                match = cell.Dimensions.TryGetValue(name, out var actual) && actual == value;
            }

            if (match) return cell;
        }

        return null;
    }

    /// <summary>
    /// Trailing windows per segment ("the last 90 days, evaluated daily"), from a report grouped by
    /// <see cref="Period.Day"/>: for each segment (combination of dimension values; the whole population when the
    /// report has no dimensions), one window of <paramref name="days"/> days ending on each day from
    /// <paramref name="firstEnd"/> to <paramref name="lastEnd"/>. Computed by sliding over the daily cells.
    /// </summary>
    /// <param name="days">The window length in days, at least 1.</param>
    /// <param name="firstEnd">The last day of the first window.</param>
    /// <param name="lastEnd">The last day of the last window.</param>
    /// <returns>The windows, by segment (in cell order), then by end day.</returns>
    /// <exception cref="InvalidOperationException">The report is not grouped by day.</exception>
    public IReadOnlyList<SegmentTrailingWindow> TrailingWindows(int days, DateOnly firstEnd, DateOnly lastEnd)
    {
        if (Options.Period != Period.Day) throw new InvalidOperationException("Trailing windows need a report grouped by Period.Day.");
        var segments = new Dictionary<string, (IReadOnlyDictionary<string, string> Dimensions, DailyNpsSeries Series)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var cell in Cells)
        {
            var dimensions = cell.Dimensions.Where(d => d.Key != NpsReportCell.PeriodDimension)
                .ToDictionary(d => d.Key, d => d.Value, StringComparer.OrdinalIgnoreCase);
            var key = string.Join('\u001f', Options.Dimensions.Select(d => dimensions[d]));
            if (!segments.TryGetValue(key, out var segment))
            {
                segment = (dimensions, new DailyNpsSeries());
                segments.Add(key, segment);
                order.Add(key);
            }

            segment.Series.Add(cell.Period!.Value.Start, cell.Distribution);
        }

        var result = new List<SegmentTrailingWindow>();
        foreach (var key in order)
        {
            var (dimensions, series) = segments[key];
            foreach (var window in series.TrailingWindows(days, firstEnd, lastEnd))
            {
                result.Add(new SegmentTrailingWindow
                {
                    Dimensions = dimensions,
                    Window = window,
                    Interval = window.Distribution.ConfidenceInterval(Options.Level, Options.IntervalMethod),
                    EnoughData = window.Count >= Options.MinimumCount,
                });
            }
        }

        return result;
    }
}

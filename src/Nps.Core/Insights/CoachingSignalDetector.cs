using System.Globalization;
using Nps.Segmentation;

namespace Nps.Insights;

/// <summary>
/// Finds coaching signals per agent or team over periods — underperformance against peers, a post-launch drop,
/// possible score inflation — each with its evidence. Every family of tests is guarded by Benjamini–Hochberg, so
/// in a population without effects signals stay rare (about the nominal 1 − level at most per kind).
/// </summary>
/// <remarks>
/// <para><b>underperformance</b>: in each period, each value against the rest of that period (one-sided: below);
/// a signal when <see cref="CoachingSignalOptions.ConsecutivePeriods"/> consecutive periods are each significant
/// after adjustment across all values and periods.</para>
/// <para><b>post-launch-drop</b>: for a value first seen after the data's first period, its pooled score after the
/// first <see cref="CoachingSignalOptions.HoneymoonPeriods"/> periods against its score in them (one-sided: lower).</para>
/// <para><b>inflation</b>: over all periods, the value's share of 10s, of promoters and of manual sends (one-sided:
/// higher) and of detractors (lower) against peers with two-proportion z-tests; a signal when one is significant
/// after adjustment and the difference is at least <see cref="CoachingSignalOptions.InflationMinimumExcess"/>.</para>
/// <para>Cells below the minimum n are not tested. Responses without a value for the dimension count as peers
/// but are never flagged.</para>
/// </remarks>
public sealed class CoachingSignalDetector
{
    private readonly CoachingSignalOptions _options;

    /// <summary>Creates a detector.</summary>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public CoachingSignalDetector(CoachingSignalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Aggregates responses per value and period (manual sends kept apart) and detects signals.</summary>
    /// <param name="responses">The responses.</param>
    /// <returns>The signals, ordered by kind, then value.</returns>
    public IReadOnlyList<CoachingSignal> Detect(IEnumerable<SurveyResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var builder = new NpsReportBuilder(new NpsReportOptions
        {
            Dimensions = [_options.Dimension],
            Period = _options.Period,
            TimeZone = _options.TimeZone,
            MinimumCount = _options.MinimumCount,
        });
        builder.AddRange(responses);
        var cells = new List<SegmentPeriodCounts>();
        foreach (var cell in builder.Build().Cells)
        {
            cells.Add(new SegmentPeriodCounts(cell.Dimensions[_options.Dimension], cell.Period!.Value, cell.Distribution, cell.ManualSends));
        }

        return Detect(cells, NpsReportCell.MissingValue);
    }

    /// <summary>Detects signals in pre-aggregated counts (e.g. from a warehouse's <c>GROUP BY agent, month, rating</c>).</summary>
    /// <param name="cells">The counts per value and period; a (value, period) pair may appear more than once (it is merged).</param>
    /// <returns>The signals, ordered by kind, then value.</returns>
    public IReadOnlyList<CoachingSignal> Detect(IEnumerable<SegmentPeriodCounts> cells) => Detect(cells, null);

    private List<CoachingSignal> Detect(IEnumerable<SegmentPeriodCounts> input, string? unflaggedValue)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cells = new Dictionary<(string Value, TimeBucket Period), (NpsDistribution Distribution, long Manual)>();
        foreach (var cell in input)
        {
            ArgumentNullException.ThrowIfNull(cell.Value, nameof(input));
            if (cell.Period.Period != _options.Period)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Cell {cell.Value} {cell.Period} is bucketed by {cell.Period.Period}; the options follow {_options.Period}."), nameof(input));
            }

            cells.TryGetValue((cell.Value, cell.Period), out var current);
            cells[(cell.Value, cell.Period)] = (current.Distribution + cell.Distribution, current.Manual + cell.ManualSends);
        }

        var byValue = cells.GroupBy(c => c.Key.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Key.Period).Select(c => (c.Key.Period, c.Value.Distribution, c.Value.Manual)).ToList(), StringComparer.Ordinal);
        var periodTotals = new Dictionary<TimeBucket, NpsDistribution>();
        foreach (var ((_, period), (distribution, _)) in cells)
        {
            periodTotals.TryGetValue(period, out var total);
            periodTotals[period] = total + distribution;
        }

        var flagged = byValue.Keys.Where(v => v != unflaggedValue).OrderBy(v => v, StringComparer.Ordinal).ToList();
        var signals = new List<CoachingSignal>();
        signals.AddRange(Underperformance(flagged, byValue, periodTotals));
        signals.AddRange(PostLaunchDrop(flagged, byValue, periodTotals));
        signals.AddRange(Inflation(flagged, byValue));
        return signals;
    }

    private List<CoachingSignal> Underperformance(List<string> values,
        Dictionary<string, List<(TimeBucket Period, NpsDistribution Distribution, long Manual)>> byValue,
        Dictionary<TimeBucket, NpsDistribution> periodTotals)
    {
        var tests = new List<(string Value, TimeBucket Period, NpsDistribution Cell, NpsDistribution Peers, NpsComparison Comparison)>();
        foreach (var value in values)
        {
            foreach (var (period, distribution, _) in byValue[value])
            {
                var rest = periodTotals[period].Subtract(distribution);
                if (distribution.Count < _options.MinimumCount || rest.Count < _options.MinimumCount) continue;
                tests.Add((value, period, distribution, rest, NpsDistribution.Compare(distribution, rest, _options.Level)));
            }
        }

        // One-sided (below peers): the direction is fixed before looking at the data.
        var q = BenjaminiHochberg.Adjust(tests.Select(t => NormalDistribution.Cdf(t.Comparison.ZScore)).ToArray());
        var alpha = 1 - _options.Level;
        var signals = new List<CoachingSignal>();
        var t = 0;
        while (t < tests.Count)
        {
            var value = tests[t].Value;
            var best = (Start: 0, Length: 0);
            var runStart = -1;
            for (; t < tests.Count && tests[t].Value == value; t++)
            {
                var significant = q[t] < alpha && tests[t].Comparison.Difference < 0;
                var continues = runStart >= 0 && tests[t - 1].Period.Next == tests[t].Period;
                if (!significant)
                {
                    runStart = -1;
                    continue;
                }

                if (!continues) runStart = t;
                if (t - runStart + 1 > best.Length) best = (runStart, t - runStart + 1);
            }

            if (best.Length < _options.ConsecutivePeriods) continue;
            var run = Enumerable.Range(best.Start, best.Length).ToList();
            var cell = run.Aggregate(NpsDistribution.Empty, (sum, i) => sum + tests[i].Cell);
            var rest = run.Aggregate(NpsDistribution.Empty, (sum, i) => sum + tests[i].Peers);
            var periods = run.Select(i => tests[i].Period.Label).ToList();
            signals.Add(new CoachingSignal(CoachingSignalKinds.Underperformance, _options.Dimension, value, new SignalEvidence
            {
                Count = cell.Count,
                Score = cell.Score,
                Interval = cell.ConfidenceInterval(_options.Level),
                PValue = run.Max(i => q[i]),
                Reference = "peers",
                ReferenceScore = rest.Score,
                ReferenceCount = rest.Count,
                Periods = periods,
                Summary = string.Create(CultureInfo.InvariantCulture,
                    $"below peers in {best.Length} consecutive periods ({periods[0]} to {periods[^1]}) by {cell.Score - rest.Score:0.0} points"),
            }));
        }

        return signals;
    }

    private List<CoachingSignal> PostLaunchDrop(List<string> values,
        Dictionary<string, List<(TimeBucket Period, NpsDistribution Distribution, long Manual)>> byValue,
        Dictionary<TimeBucket, NpsDistribution> periodTotals)
    {
        var firstPeriod = periodTotals.Count == 0 ? default : periodTotals.Keys.Min();
        var tests = new List<(string Value, NpsDistribution First, NpsDistribution After, List<string> Periods, NpsComparison Comparison)>();
        foreach (var value in values)
        {
            var series = byValue[value];
            var launch = series[0].Period;
            if (_options.NewcomersOnly && launch == firstPeriod) continue;
            var honeymoonEnd = launch;
            for (var i = 0; i < _options.HoneymoonPeriods; i++) honeymoonEnd = honeymoonEnd.Next;
            NpsDistribution first = default, after = default;
            foreach (var (period, distribution, _) in series)
            {
                if (period < honeymoonEnd) first += distribution;
                else after += distribution;
            }

            if (first.Count < _options.MinimumCount || after.Count < _options.MinimumCount) continue;
            var periods = series.Select(s => s.Period.Label).ToList();
            tests.Add((value, first, after, periods, NpsDistribution.Compare(after, first, _options.Level)));
        }

        var q = BenjaminiHochberg.Adjust(tests.Select(t => NormalDistribution.Cdf(t.Comparison.ZScore)).ToArray());
        var signals = new List<CoachingSignal>();
        for (var t = 0; t < tests.Count; t++)
        {
            var (value, first, after, periods, comparison) = tests[t];
            if (!(q[t] < 1 - _options.Level && comparison.Difference < 0)) continue;
            signals.Add(new CoachingSignal(CoachingSignalKinds.PostLaunchDrop, _options.Dimension, value, new SignalEvidence
            {
                Count = after.Count,
                Score = after.Score,
                Interval = after.ConfidenceInterval(_options.Level),
                PValue = q[t],
                Reference = string.Create(CultureInfo.InvariantCulture, $"first {_options.HoneymoonPeriods} periods"),
                ReferenceScore = first.Score,
                ReferenceCount = first.Count,
                Periods = periods,
                Summary = string.Create(CultureInfo.InvariantCulture,
                    $"dropped {-comparison.Difference:0.0} points after its first {_options.HoneymoonPeriods} periods (from {periods[0]})"),
            }));
        }

        return signals;
    }

    private List<CoachingSignal> Inflation(List<string> values,
        Dictionary<string, List<(TimeBucket Period, NpsDistribution Distribution, long Manual)>> byValue)
    {
        var totals = new Dictionary<string, (NpsDistribution Distribution, long Manual, List<string> Periods)>(StringComparer.Ordinal);
        NpsDistribution all = default;
        long allManual = 0;
        foreach (var (value, series) in byValue)
        {
            var distribution = series.Aggregate(NpsDistribution.Empty, (sum, s) => sum + s.Distribution);
            var manual = series.Sum(s => s.Manual);
            totals[value] = (distribution, manual, series.Select(s => s.Period.Label).ToList());
            all += distribution;
            allManual += manual;
        }

        var tests = new List<(string Value, string Indicator, double Excess, double PValue)>();
        foreach (var value in values)
        {
            var (cell, manual, _) = totals[value];
            var rest = all.Subtract(cell);
            var restManual = allManual - manual;
            if (cell.Count < _options.MinimumCount || rest.Count < _options.MinimumCount) continue;
            long n = cell.Count, m = rest.Count;
            tests.Add((value, "share of 10s", Share(cell[10], n) - Share(rest[10], m), ProportionTest.GreaterPValue(cell[10], n, rest[10], m)));
            tests.Add((value, "share of promoters", cell.PromoterShare - rest.PromoterShare, ProportionTest.GreaterPValue(cell.Promoters, n, rest.Promoters, m)));
            tests.Add((value, "too few detractors", rest.DetractorShare - cell.DetractorShare, ProportionTest.GreaterPValue(rest.Detractors, m, cell.Detractors, n)));
            tests.Add((value, "share of manual sends", Share(manual, n + manual) - Share(restManual, m + restManual),
                ProportionTest.GreaterPValue(manual, n + manual, restManual, m + restManual)));
        }

        var q = BenjaminiHochberg.Adjust(tests.Select(t => t.PValue).ToArray());
        var signals = new List<CoachingSignal>();
        foreach (var group in Enumerable.Range(0, tests.Count).GroupBy(i => tests[i].Value))
        {
            var fired = group.Where(i => q[i] < 1 - _options.Level && tests[i].Excess >= _options.InflationMinimumExcess).ToList();
            if (fired.Count == 0) continue;
            var (cell, _, periods) = totals[group.Key];
            var rest = all.Subtract(cell);
            signals.Add(new CoachingSignal(CoachingSignalKinds.Inflation, _options.Dimension, group.Key, new SignalEvidence
            {
                Count = cell.Count,
                Score = cell.Score,
                Interval = cell.ConfidenceInterval(_options.Level),
                PValue = fired.Min(i => q[i]),
                Reference = "peers",
                ReferenceScore = rest.Score,
                ReferenceCount = rest.Count,
                Periods = periods,
                Summary = "possible inflation: " + string.Join("; ", fired.Select(i =>
                    string.Create(CultureInfo.InvariantCulture, $"{tests[i].Indicator} {tests[i].Excess * 100:0.0} points beyond peers"))),
            }));
        }

        return signals;
    }

    private static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
}

using System.Globalization;
using Nps.Segmentation;

namespace Nps.Insights;

/// <summary>
/// Finds coaching signals per agent or team over periods — underperformance against peers, a drop after a start,
/// possible score inflation — each with its evidence. Each kind runs one test per value, and Benjamini–Hochberg
/// adjusts across the values tested (never across value × period), so in a population without effects signals stay
/// rare (at most <see cref="CoachingSignalOptions.FalseDiscoveryRate"/> per kind).
/// </summary>
/// <remarks>
/// <para><b>Peers</b> are the other values, with one robust guard: in each period (for inflation: over all periods),
/// values whose score (shape) lies outside Tukey's fences of all values' scores are left out of everyone's
/// reference, so one outlier — a honeymoon team, an inflating agent — cannot make a normal value look bad. Responses
/// without a value for the dimension count as peers but are never flagged.</para>
/// <para><b>underperformance</b>: the evidence of the trailing <see cref="CoachingSignalOptions.WindowPeriods"/> periods
/// is pooled, period by period against that period's peers (<see cref="StratifiedDifference"/>), in a one-sided test
/// (below). Pooling gives the power that testing each month alone lacks: 50 responses a month cannot show 25 points,
/// six months can. Persistence is still required, twice: the score lies below the peers' in at least
/// <see cref="CoachingSignalOptions.MinimumPeriodsBelow"/> periods, and the test stays significant without the
/// period that weighs most against the value (an intersection–union test: the larger of the two p-values is used),
/// so one bad month never makes a signal. A pooled window was chosen over a sequential test or an empirical-Bayes
/// model because its evidence is what a coach can check by hand: n, score and the peers' score over named months.</para>
/// <para><b>post-launch-drop</b>: a difference in differences — the value's score against its peers in its first
/// <see cref="CoachingSignalOptions.HoneymoonPeriods"/> periods, against the same in its later periods (one-sided:
/// fell more than the peers did), so a trend shared by everyone is not a drop. The first period is the start date's
/// (<see cref="CoachingSignalOptions.Launches"/>) or else the value's first period in the data — also when that is the
/// data's first period.</para>
/// <para><b>inflation</b>: the shape, not the level. Under a latent-shift (proportional-odds) model a genuinely better
/// agent moves every cumulative logit alike, so the gaps logit P(≤ 9) − logit P(≤ 8) and logit P(≤ 8) − logit P(≤ 6)
/// stay as the peers' whatever the score. Too small a first gap means more 10s than the value's own promoter share
/// predicts (9s and passives turned into 10s); too large a second gap means detractors missing for its score; and the
/// share of manual sends is compared with the peers'. Each shape is tested against the peers' random-effects mean
/// (DerSimonian–Laird), so the natural spread between peers is allowed for; a signal needs significance after
/// adjustment and an excess of at least <see cref="CoachingSignalOptions.InflationMinimumExcess"/>.</para>
/// <para><b>Weights</b>: when the inclusion probabilities of the responses differ, every score, share and variance is
/// the weighted one (weights 1 / probability; linearised variance for scores, Kish's effective n for shapes).
/// Pre-aggregated <see cref="SegmentPeriodCounts"/> are taken as equally weighted.</para>
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

    /// <summary>Aggregates responses per value and period (manual sends kept apart, weights kept) and detects signals.</summary>
    /// <param name="responses">The responses.</param>
    /// <returns>The signals, ordered by kind, then value.</returns>
    public IReadOnlyList<CoachingSignal> Detect(IEnumerable<SurveyResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var cells = new Dictionary<(string Value, TimeBucket Period), CoachingCell>();
        double lowest = double.PositiveInfinity, highest = double.NegativeInfinity;
        foreach (var response in responses)
        {
            ArgumentNullException.ThrowIfNull(response, nameof(responses));
            var key = (response.GetDimension(_options.Dimension) ?? NpsReportCell.MissingValue, TimeBucket.Of(response.RespondedAt, _options.Period, _options.TimeZone));
            if (!cells.TryGetValue(key, out var cell)) cells[key] = cell = new CoachingCell();
            if (response.IsManual)
            {
                cell.AddManualSend();
                continue;
            }

            cell.Add(response.Rating.Value, response.Weight);
            lowest = Math.Min(lowest, response.InclusionProbability);
            highest = Math.Max(highest, response.InclusionProbability);
        }

        return Detect(cells, NpsReportCell.MissingValue, weighted: lowest < highest);
    }

    /// <summary>
    /// Detects signals from a store's counts (rating counts with their weight sums per value and period, manual
    /// sends apart): the same signals <see cref="Detect(IEnumerable{SurveyResponse})"/> finds in the stored responses,
    /// without reading them.
    /// </summary>
    /// <param name="source">Where the responses are counted.</param>
    /// <param name="cancellationToken">Cancels counting.</param>
    /// <returns>The signals, ordered by kind, then value.</returns>
    public async Task<IReadOnlyList<CoachingSignal>> DetectAsync(INpsCountSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var query = new NpsCountQuery { Dimensions = [_options.Dimension], Period = _options.Period, TimeZone = _options.TimeZone };
        var cells = new Dictionary<(string Value, TimeBucket Period), CoachingCell>();
        double lowest = double.PositiveInfinity, highest = double.NegativeInfinity;
        await foreach (var row in source.CountAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (row.Period is not { } period || period.Period != _options.Period || row.DimensionValues.Count != 1)
            {
                throw new ArgumentException($"The count source returned a row that does not fit the query (by {_options.Dimension}, {_options.Period}).", nameof(source));
            }

            var key = (row.DimensionValues[0] ?? NpsReportCell.MissingValue, period);
            if (!cells.TryGetValue(key, out var cell)) cells[key] = cell = new CoachingCell();
            if (row.IsManual)
            {
                cell.AddManualSends(row.Count);
                continue;
            }

            cell.Add(row.Rating.Value, row.Count, row.WeightSum, row.SquaredWeightSum);
            lowest = Math.Min(lowest, row.MinInclusionProbability);
            highest = Math.Max(highest, row.MaxInclusionProbability);
        }

        return Detect(cells, NpsReportCell.MissingValue, weighted: lowest < highest);
    }

    /// <summary>Detects signals in pre-aggregated counts (e.g. from a warehouse's <c>GROUP BY agent, month, rating</c>), taken as equally weighted.</summary>
    /// <param name="cells">The counts per value and period; a (value, period) pair may appear more than once (it is merged).</param>
    /// <returns>The signals, ordered by kind, then value.</returns>
    public IReadOnlyList<CoachingSignal> Detect(IEnumerable<SegmentPeriodCounts> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var merged = new Dictionary<(string Value, TimeBucket Period), CoachingCell>();
        foreach (var cell in cells)
        {
            ArgumentNullException.ThrowIfNull(cell.Value, nameof(cells));
            if (cell.Period.Period != _options.Period)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Cell {cell.Value} {cell.Period} is bucketed by {cell.Period.Period}; the options follow {_options.Period}."), nameof(cells));
            }

            var counts = CoachingCell.From(cell.Distribution, cell.ManualSends);
            if (merged.TryGetValue((cell.Value, cell.Period), out var current)) current.Add(counts);
            else merged[(cell.Value, cell.Period)] = counts;
        }

        return Detect(merged, unflaggedValue: null, weighted: false);
    }

    private List<CoachingSignal> Detect(Dictionary<(string Value, TimeBucket Period), CoachingCell> cells, string? unflaggedValue, bool weighted)
    {
        var population = new CoachingPopulation(cells, weighted, _options.MinimumCount);
        var values = population.Values.Where(v => v != unflaggedValue).ToList();
        var signals = new List<CoachingSignal>();
        signals.AddRange(Underperformance(population, values));
        signals.AddRange(PostLaunchDrop(population, values));
        signals.AddRange(Inflation(population, values));
        return signals;
    }

    private List<CoachingSignal> Underperformance(CoachingPopulation population, List<string> values)
    {
        if (population.Periods.Count == 0) return [];
        var window = new HashSet<TimeBucket>();
        var period = population.Periods[^1];
        for (var i = 0; i < _options.WindowPeriods; i++, period = period.Previous) window.Add(period);

        var tests = new List<(string Value, StratifiedDifference All, double PValue, List<string> Periods, List<string> Below)>();
        foreach (var value in values)
        {
            var rows = population.Against(value, window.Contains);
            if (rows.Count < _options.MinimumPeriodsBelow) continue;
            var all = StratifiedDifference.Of(rows.Select(r => (r.Cell, r.Reference)).ToList(), population.Weighted);
            if (all is not { } pooled || pooled.Value.Count < _options.MinimumCount || pooled.ReferenceCount < _options.MinimumCount) continue;

            // The evidence must not rest on one period: drop the one that weighs most against the value and test again.
            var worst = rows.MinBy(r => r.Cell.Score(population.Weighted).Size * (r.Cell.Score(population.Weighted).Score - r.Reference.Score));
            var rest = StratifiedDifference.Of(rows.Where(r => r.Period != worst.Period).Select(r => (r.Cell, r.Reference)).ToList(), population.Weighted);
            var pValue = Math.Max(StratifiedDifference.LowerPValue(pooled.Difference, pooled.Variance),
                rest is { } without ? StratifiedDifference.LowerPValue(without.Difference, without.Variance) : 1);
            var below = rows.Where(r => r.Cell.Score(population.Weighted).Score < r.Reference.Score).Select(r => r.Period.Label).ToList();
            tests.Add((value, pooled, pValue, rows.Select(r => r.Period.Label).ToList(), below));
        }

        var q = BenjaminiHochberg.Adjust(tests.Select(t => t.PValue).ToArray());
        var signals = new List<CoachingSignal>();
        for (var t = 0; t < tests.Count; t++)
        {
            var (value, difference, _, periods, below) = tests[t];
            if (!(q[t] < _options.FalseDiscoveryRate && difference.Difference < 0 && below.Count >= _options.MinimumPeriodsBelow)) continue;
            signals.Add(Signal(CoachingSignalKinds.Underperformance, value, population.Total(value, periods), "peers",
                difference.ReferenceScore, difference.ReferenceCount, q[t], periods, difference.Difference, difference.StandardError, population.Weighted,
                string.Create(CultureInfo.InvariantCulture,
                    $"below peers by {-difference.Difference:0.0} points (SE {difference.StandardError:0.0}) over {periods[0]} to {periods[^1]}; lower in {below.Count} of {periods.Count} periods ({string.Join(", ", below)})")));
        }

        return signals;
    }

    private List<CoachingSignal> PostLaunchDrop(CoachingPopulation population, List<string> values)
    {
        var tests = new List<(string Value, StratifiedDifference First, StratifiedDifference After, double Change, double Variance, List<string> Periods, List<string> AfterPeriods, string Start)>();
        foreach (var value in values)
        {
            TimeBucket launch;
            string start;
            if (_options.Launches.TryGetValue(value, out var launched))
            {
                launch = TimeBucket.Containing(launched, _options.Period);
                start = "started " + launched.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else
            {
                if (_options.RequireLaunchDate) continue;
                launch = population.FirstPeriod(value);
                start = "first seen " + launch.Label;
            }

            var honeymoonEnd = launch;
            for (var i = 0; i < _options.HoneymoonPeriods; i++) honeymoonEnd = honeymoonEnd.Next;
            var first = StratifiedDifference.Of(population.Against(value, p => p >= launch && p < honeymoonEnd).Select(r => (r.Cell, r.Reference)).ToList(), population.Weighted);
            var afterRows = population.Against(value, p => p >= honeymoonEnd);
            var after = StratifiedDifference.Of(afterRows.Select(r => (r.Cell, r.Reference)).ToList(), population.Weighted);
            if (first is not { } f || after is not { } a) continue;
            if (f.Value.Count < _options.MinimumCount || a.Value.Count < _options.MinimumCount) continue;
            var periods = population.Against(value, p => p >= launch).Select(r => r.Period.Label).ToList();
            tests.Add((value, f, a, a.Difference - f.Difference, a.Variance + f.Variance, periods, afterRows.Select(r => r.Period.Label).ToList(), start));
        }

        var q = BenjaminiHochberg.Adjust(tests.Select(t => StratifiedDifference.LowerPValue(t.Change, t.Variance)).ToArray());
        var signals = new List<CoachingSignal>();
        for (var t = 0; t < tests.Count; t++)
        {
            var (value, first, after, change, variance, periods, afterPeriods, start) = tests[t];
            if (!(q[t] < _options.FalseDiscoveryRate && change < 0)) continue;
            var own = after.Value.Score - first.Value.Score;
            signals.Add(Signal(CoachingSignalKinds.PostLaunchDrop, value, population.Total(value, afterPeriods),
                string.Create(CultureInfo.InvariantCulture, $"first {_options.HoneymoonPeriods} periods"), first.Value.Score, first.Value.Count,
                q[t], periods, change, Math.Sqrt(variance), population.Weighted,
                string.Create(CultureInfo.InvariantCulture,
                    $"{(own < 0 ? "dropped" : "rose")} {Math.Abs(own):0.0} points after its first {_options.HoneymoonPeriods} periods ({start}); {-change:0.0} points more than its peers fell over the same periods")));
        }

        return signals;
    }

    private List<CoachingSignal> Inflation(CoachingPopulation population, List<string> values)
    {
        var weighted = population.Weighted;
        var totals = population.Values.ToDictionary(v => v, population.Total, StringComparer.Ordinal);
        var eligible = totals.Where(t => t.Value.Count >= _options.MinimumCount)
            .ToDictionary(t => t.Key, t => t.Value.Shape(weighted), StringComparer.Ordinal);
        var tensOutliers = PeerFences.Outliers(eligible.Select(e => (e.Key, e.Value.TensGap.Gap)));
        var detractorOutliers = PeerFences.Outliers(eligible.Select(e => (e.Key, e.Value.DetractorGap.Gap)));
        var all = CoachingCell.Sum(totals.Values);

        var tests = new List<(string Value, string Indicator, double Excess, double PValue)>();
        foreach (var value in values)
        {
            if (!eligible.TryGetValue(value, out var shape)) continue;
            var cell = totals[value];
            var tens = PeerShape.Of(eligible.Where(e => e.Key != value && !tensOutliers.Contains(e.Key)).Select(e => e.Value.TensGap));
            if (tens is { } tensPeers)
            {
                var (gap, variance) = shape.TensGap;
                var expectedTens = 1 - RatingShape.FromGap(shape.UpToEight, tensPeers.Mean);
                tests.Add((value, "share of 10s beyond what its promoter share predicts", (1 - shape.UpToNine) - expectedTens,
                    NormalDistribution.UpperTail((tensPeers.Mean - gap) / Math.Sqrt(variance + tensPeers.PredictionVariance))));
            }

            var detractors = PeerShape.Of(eligible.Where(e => e.Key != value && !detractorOutliers.Contains(e.Key)).Select(e => e.Value.DetractorGap));
            if (detractors is { } detractorPeers)
            {
                var (gap, variance) = shape.DetractorGap;
                var expectedDetractors = RatingShape.BelowGap(shape.UpToEight, detractorPeers.Mean);
                tests.Add((value, "detractors missing for its score", expectedDetractors - shape.UpToSix,
                    NormalDistribution.UpperTail((gap - detractorPeers.Mean) / Math.Sqrt(variance + detractorPeers.PredictionVariance))));
            }

            var rest = CoachingCell.Sum([all]);
            rest.Add(cell, -1);
            long n = cell.Count + cell.ManualSends, m = rest.Count + rest.ManualSends;
            if (rest.Count >= _options.MinimumCount)
            {
                tests.Add((value, "share of manual sends beyond peers", Share(cell.ManualSends, n) - Share(rest.ManualSends, m),
                    ProportionTest.GreaterPValue(cell.ManualSends, n, rest.ManualSends, m)));
            }
        }

        var q = BenjaminiHochberg.Adjust(tests.Select(t => t.PValue).ToArray());
        var signals = new List<CoachingSignal>();
        foreach (var group in Enumerable.Range(0, tests.Count).GroupBy(i => tests[i].Value))
        {
            var fired = group.Where(i => q[i] < _options.FalseDiscoveryRate && tests[i].Excess >= _options.InflationMinimumExcess).ToList();
            if (fired.Count == 0) continue;
            var rest = CoachingCell.Sum(totals.Where(t => t.Key != group.Key).Select(t => t.Value));
            var periods = population.PeriodsOf(group.Key);
            signals.Add(Signal(CoachingSignalKinds.Inflation, group.Key, totals[group.Key], "peers",
                rest.Score(weighted).Score, rest.Count, fired.Min(i => q[i]), periods, 100 * fired.Max(i => tests[i].Excess), null, weighted,
                "possible inflation: " + string.Join("; ", fired.Select(i =>
                    string.Create(CultureInfo.InvariantCulture, $"{tests[i].Indicator}: {tests[i].Excess * 100:0.0} points")))));
        }

        return signals;
    }

    private CoachingSignal Signal(string kind, string value, CoachingCell cell, string referenceName, double referenceScore, long referenceCount,
        double adjustedPValue, IReadOnlyList<string> periods, double? difference, double? standardError, bool weighted, string summary)
    {
        var score = cell.Score(weighted);
        return new(kind, _options.Dimension, value, new SignalEvidence
        {
            Count = cell.Count,
            Score = score.Score,
            Interval = weighted ? cell.Weighted().ConfidenceInterval(_options.Level) : cell.Distribution.ConfidenceInterval(_options.Level),
            PValue = adjustedPValue,
            Reference = referenceName,
            ReferenceScore = referenceScore,
            ReferenceCount = referenceCount,
            Periods = periods,
            Difference = difference,
            StandardError = standardError,
            Weighted = weighted,
            Summary = summary,
        });
    }

    private static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
}

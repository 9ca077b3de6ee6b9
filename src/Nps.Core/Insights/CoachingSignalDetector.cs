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
/// <para><b>post-launch-drop</b>: the change after the honeymoon relative to the peers' change. The reference is the
/// value's gap to its peers over its first <see cref="CoachingSignalOptions.HoneymoonPeriods"/> periods, fixed once
/// estimated; each later period's gap is compared with it, standardised with both variances, in a one-sided CUSUM
/// (fell more than the peers did), so a trend shared by everyone is not a drop and the drop cannot lower its own
/// reference. The drop is watched for <see cref="CoachingSignalOptions.WindowPeriods"/> periods after the honeymoon,
/// with a threshold that allows for the reference's estimation error (<see cref="FixedReferenceThreshold"/>). The first
/// period is the start date's (<see cref="CoachingSignalOptions.Launches"/>) or else the value's first period in the
/// data — also when that is the data's first period.</para>
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
        OptionsValidation.ThrowIfInvalid(options, nameof(options));
        _options = options;
    }

    /// <summary>Aggregates responses per value and period (manual sends kept apart, weights kept) and detects signals.</summary>
    /// <param name="responses">The responses.</param>
    /// <returns>The signals, ordered by kind, then value.</returns>
    public IReadOnlyList<CoachingSignal> Detect(IEnumerable<SurveyResponse> responses) => Detect(responses, []);

    /// <summary>
    /// Aggregates responses per value and period and detects signals, with each value's response rate: the
    /// <see cref="CoachingSignalKinds.ResponseRateOutlier"/> indicator, and the response rate as inflation evidence.
    /// </summary>
    /// <param name="responses">The responses.</param>
    /// <param name="responseRates">Invitations sent and answered per value over the same window (empty: no response-rate indicator).</param>
    /// <returns>The signals, ordered by kind, then value.</returns>
    public IReadOnlyList<CoachingSignal> Detect(IEnumerable<SurveyResponse> responses, IReadOnlyCollection<ResponseRateCounts> responseRates)
    {
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(responseRates);
        var cells = new Dictionary<(string Value, TimeBucket Period), CoachingCell>();
        double lowest = double.PositiveInfinity, highest = double.NegativeInfinity;
        foreach (var response in responses)
        {
            ArgumentNullException.ThrowIfNull(response, nameof(responses));
            if (response.IsUnsolicited && !_options.IncludeUnsolicited) continue;
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

        return Detect(cells, NpsReportCell.MissingValue, weighted: lowest < highest, responseRates);
    }

    /// <summary>
    /// Detects signals from a store's counts (rating counts with their weight sums per value and period, manual
    /// sends apart): the same signals <see cref="Detect(IEnumerable{SurveyResponse})"/> finds in the stored responses,
    /// without reading them.
    /// </summary>
    /// <param name="source">Where the responses are counted.</param>
    /// <param name="cancellationToken">Cancels counting.</param>
    /// <returns>The signals, ordered by kind, then value.</returns>
    public Task<IReadOnlyList<CoachingSignal>> DetectAsync(INpsCountSource source, CancellationToken cancellationToken = default) =>
        DetectAsync(source, [], cancellationToken);

    /// <summary>Detects signals from a store's counts, with each value's response rate (see <see cref="Detect(IEnumerable{SurveyResponse}, IReadOnlyCollection{ResponseRateCounts})"/>).</summary>
    /// <param name="source">Where the responses are counted.</param>
    /// <param name="responseRates">Invitations sent and answered per value over the same window (empty: no response-rate indicator).</param>
    /// <param name="cancellationToken">Cancels counting.</param>
    /// <returns>The signals, ordered by kind, then value.</returns>
    public async Task<IReadOnlyList<CoachingSignal>> DetectAsync(INpsCountSource source, IReadOnlyCollection<ResponseRateCounts> responseRates,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(responseRates);
        var query = new NpsCountQuery { Dimensions = [_options.Dimension], Period = _options.Period, TimeZone = _options.TimeZone };
        var cells = new Dictionary<(string Value, TimeBucket Period), CoachingCell>();
        (string Value, TimeBucket Period) lastKey = default;
        CoachingCell? last = null;
        double lowest = double.PositiveInfinity, highest = double.NegativeInfinity;
        await foreach (var row in source.CountAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (row.Period is not { } period || period.Period != _options.Period || row.DimensionValues.Count != 1)
            {
                throw new ArgumentException($"The count source returned a row that does not fit the query (by {_options.Dimension}, {_options.Period}).", nameof(source));
            }

            if (row.IsUnsolicited && !_options.IncludeUnsolicited) continue;
            var key = (row.DimensionValues[0] ?? NpsReportCell.MissingValue, period);
            // A store returns the ratings of one cell together: the last row's cell is looked up once.
            if (last is null || key != lastKey)
            {
                if (!cells.TryGetValue(key, out last)) cells[key] = last = new CoachingCell();
                lastKey = key;
            }

            var cell = last;
            if (row.IsManual)
            {
                cell.AddManualSends(row.Count);
                continue;
            }

            cell.Add(row.Rating.Value, row.Count, row.WeightSum, row.SquaredWeightSum);
            lowest = Math.Min(lowest, row.MinInclusionProbability);
            highest = Math.Max(highest, row.MaxInclusionProbability);
        }

        return Detect(cells, NpsReportCell.MissingValue, weighted: lowest < highest, responseRates);
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

        return Detect(merged, unflaggedValue: null, weighted: false, []);
    }

    private List<CoachingSignal> Detect(Dictionary<(string Value, TimeBucket Period), CoachingCell> cells, string? unflaggedValue, bool weighted,
        IReadOnlyCollection<ResponseRateCounts> responseRates)
    {
        var rates = RateTests(responseRates, unflaggedValue);
        var population = new CoachingPopulation(cells, weighted, _options.MinimumCount);
        var values = population.Values.Where(v => v != unflaggedValue).ToList();
        var signals = new List<CoachingSignal>();
        signals.AddRange(Underperformance(population, values));
        signals.AddRange(PostLaunchDrop(population, values));
        signals.AddRange(Inflation(population, values, rates));
        signals.AddRange(ResponseRateOutliers(population, rates));
        return signals;
    }

    private List<CoachingSignal> Underperformance(CoachingPopulation population, List<string> values)
    {
        var signals = new List<CoachingSignal>();
        var threshold = Cusum.ThresholdForYears(GapMonitor.Allowance, _options.ValueYearsPerFalseAlarm, _options.Period);
        foreach (var value in values)
        {
            var start = MonitoredFrom(value);
            var rows = Monitored(population, value, p => p >= start);
            if (LastRecentAlarm(population, rows, threshold, GapMonitor.Allowance, null) is not { } alarm) continue;
            var span = rows.GetRange(alarm.Since, alarm.At - alarm.Since + 1);
            if (StratifiedDifference.Of([.. span.Select(r => (r.Cell, r.Reference))], population.Weighted) is not { } gap) continue;
            var periods = span.Select(r => r.Period.Label).ToList();
            var below = span.Where(r => r.Gap < 0).Select(r => r.Period.Label).ToList();
            var (lower, upper) = Bounds(gap.Difference, gap.StandardError);
            signals.Add(Signal(CoachingSignalKinds.Underperformance, value, population.Total(value, periods), "peers",
                gap.ReferenceScore, gap.ReferenceCount, StratifiedDifference.LowerPValue(gap.Difference, gap.Variance), periods, gap.Difference, gap.StandardError,
                population.Weighted, string.Create(CultureInfo.InvariantCulture,
                    $"below peers since {periods[0]}, by {-gap.Difference:0.0} points ({_options.Level:P0} interval {-upper:0.0} to {-lower:0.0}) over {periods.Count} periods; signalled in {span[alarm.FirstAt - alarm.Since].Period.Label}; lower in {below.Count} of {periods.Count} periods"), (lower, upper, span[alarm.FirstAt - alarm.Since].Period.Label)));
        }

        return signals;
    }

    private List<CoachingSignal> PostLaunchDrop(CoachingPopulation population, List<string> values)
    {
        var signals = new List<CoachingSignal>();
        var periodsPerFalseAlarm = _options.ValueYearsPerFalseAlarm * Cusum.PeriodsPerYear(_options.Period);
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

            // The reference is the honeymoon; after an acknowledged conversation, the same number of periods up to it
            // (the level that was discussed), so a drop already talked about is not signalled again unless it goes on.
            var referenceEnd = Advance(launch, _options.HoneymoonPeriods);
            var referenceName = string.Create(CultureInfo.InvariantCulture, $"first {_options.HoneymoonPeriods} periods");
            if (_options.Acknowledged.TryGetValue(value, out var acknowledged) && TimeBucket.Containing(acknowledged, _options.Period).Next > referenceEnd)
            {
                referenceEnd = TimeBucket.Containing(acknowledged, _options.Period).Next;
                referenceName = string.Create(CultureInfo.InvariantCulture,
                    $"{_options.HoneymoonPeriods} periods to the conversation of {acknowledged:yyyy-MM-dd}");
            }

            var referenceStart = Advance(referenceEnd, -_options.HoneymoonPeriods);
            if (referenceStart < launch) referenceStart = launch;
            var referenceRows = Monitored(population, value, p => p >= referenceStart && p < referenceEnd);
            if (StratifiedDifference.Of([.. referenceRows.Select(r => (r.Cell, r.Reference))], population.Weighted) is not { } first) continue;
            if (first.Value.Count < _options.MinimumCount) continue;
            double precision = 0, weightedGap = 0;
            foreach (var row in referenceRows)
            {
                precision += 1 / row.NullVariance;
                weightedGap += row.Gap / row.NullVariance;
            }

            // The drop is watched for a window's worth of periods after its reference: long enough for a lasting drop
            // to show, and bounded, as a reference estimated high would otherwise make an alarm a matter of time.
            var watchEnd = Advance(referenceEnd, _options.WindowPeriods);
            var rows = Monitored(population, value, p => p >= referenceEnd && p < watchEnd);
            if (rows.Count == 0) continue;
            var ratio = rows.Average(r => 1 / r.NullVariance) / precision;
            var threshold = FixedReferenceThreshold.For(GapMonitor.DropAllowance, ratio, _options.WindowPeriods, periodsPerFalseAlarm);
            if (LastRecentAlarm(population, rows, threshold, GapMonitor.DropAllowance, (weightedGap / precision, 1 / precision)) is not { } alarm) continue;
            var span = rows.GetRange(alarm.Since, alarm.At - alarm.Since + 1);
            if (StratifiedDifference.Of([.. span.Select(r => (r.Cell, r.Reference))], population.Weighted) is not { } after) continue;
            var change = after.Difference - first.Difference;
            var standardError = Math.Sqrt(after.Variance + first.Variance);
            var periods = span.Select(r => r.Period.Label).ToList();
            var own = after.Value.Score - first.Value.Score;
            var (lower, upper) = Bounds(change, standardError);
            signals.Add(Signal(CoachingSignalKinds.PostLaunchDrop, value, population.Total(value, periods), referenceName, first.Value.Score, first.Value.Count,
                StratifiedDifference.LowerPValue(change, after.Variance + first.Variance), periods, change, standardError, population.Weighted,
                string.Create(CultureInfo.InvariantCulture,
                    $"{(own < 0 ? "dropped" : "rose")} {Math.Abs(own):0.0} points after its {referenceName} ({start}); since {periods[0]}, {-change:0.0} points more than its peers fell ({_options.Level:P0} interval {-upper:0.0} to {-lower:0.0}); signalled in {span[alarm.FirstAt - alarm.Since].Period.Label}"), (lower, upper, span[alarm.FirstAt - alarm.Since].Period.Label)));
        }

        return signals;
    }

    private static TimeBucket Advance(TimeBucket period, int periods)
    {
        for (var i = 0; i < periods; i++) period = period.Next;
        for (var i = 0; i > periods; i--) period = period.Previous;
        return period;
    }

    // The first period monitored: the data's, or the one after an acknowledged conversation.
    private TimeBucket MonitoredFrom(string value) =>
        _options.Acknowledged.TryGetValue(value, out var acknowledged) ? TimeBucket.Containing(acknowledged, _options.Period).Next : default;

    // The value's periods with enough responses to add evidence, with its gap to the peers.
    private List<(TimeBucket Period, CoachingCell Cell, ScoreEstimate Reference, double Gap, double NullVariance)> Monitored(
        CoachingPopulation population, string value, Func<TimeBucket, bool> include) =>
        [.. population.Against(value, p => p.Period == _options.Period && include(p))
            .Where(r => r.Cell.Count >= _options.MinimumPeriodCount)
            .Select(r => (r.Period, r.Cell, r.Reference, r.Cell.Score(population.Weighted).Score - r.Reference.Score, r.NullVariance))];

    // The monitor's last episode, when its latest alarm fell in the trailing window.
    private GapMonitor.Alarm? LastRecentAlarm(CoachingPopulation population, List<(TimeBucket Period, CoachingCell Cell, ScoreEstimate Reference, double Gap, double NullVariance)> rows,
        double threshold, double allowance, (double Mean, double Variance)? reference)
    {
        var alarms = GapMonitor.Run([.. rows.Select(r => (r.Gap, r.NullVariance))], threshold, _options.MinimumPeriodsBelow, allowance, reference);
        if (alarms.Count == 0) return null;
        var last = alarms[^1];
        return rows[last.At].Period >= Advance(population.Periods[^1], 1 - _options.WindowPeriods) ? last : null;
    }

    private (double Lower, double Upper) Bounds(double difference, double standardError)
    {
        var z = NormalDistribution.TwoSidedCriticalValue(_options.Level);
        return (difference - z * standardError, difference + z * standardError);
    }

    private List<CoachingSignal> Inflation(CoachingPopulation population, List<string> values, Dictionary<string, RateTest> rates)
    {
        var weighted = population.Weighted;
        var totals = population.Values.ToDictionary(v => v, population.Total, StringComparer.Ordinal);
        var eligible = totals.Where(t => t.Value.Count >= _options.MinimumCount)
            .ToDictionary(t => t.Key, t => t.Value.Shape(weighted), StringComparer.Ordinal);
        var tensOutliers = PeerFences.Outliers(eligible.Select(e => (e.Key, e.Value.TensGap.Gap)));
        var detractorOutliers = PeerFences.Outliers(eligible.Select(e => (e.Key, e.Value.DetractorGap.Gap)));
        var all = CoachingCell.Sum(totals.Values);

        // Each value's peers are all eligible values but itself and the outliers, in the dictionary's order: the gaps
        // are computed once, and each value's peers copied into one buffer, not enumerated through filters per value.
        var index = new Dictionary<string, int>(eligible.Count, StringComparer.Ordinal);
        var tensGaps = new (double Gap, double Variance)[eligible.Count];
        var detractorGaps = new (double Gap, double Variance)[eligible.Count];
        var tensPeer = new bool[eligible.Count];
        var detractorPeer = new bool[eligible.Count];
        foreach (var (name, peerShape) in eligible)
        {
            var i = index.Count;
            index[name] = i;
            tensGaps[i] = peerShape.TensGap;
            detractorGaps[i] = peerShape.DetractorGap;
            tensPeer[i] = !tensOutliers.Contains(name);
            detractorPeer[i] = !detractorOutliers.Contains(name);
        }

        var peers = new (double Gap, double Variance)[eligible.Count];

        var tests = new List<(string Value, string Indicator, double Excess, double PValue)>();
        foreach (var value in values)
        {
            if (!eligible.TryGetValue(value, out var shape)) continue;
            var cell = totals[value];
            var tens = PeerShape.Of(Peers(tensGaps, tensPeer, index[value]));
            if (tens is { } tensPeers)
            {
                var (gap, variance) = shape.TensGap;
                var expectedTens = 1 - RatingShape.FromGap(shape.UpToEight, tensPeers.Mean);
                tests.Add((value, "share of 10s beyond what its promoter share predicts", (1 - shape.UpToNine) - expectedTens,
                    NormalDistribution.UpperTail((tensPeers.Mean - gap) / Math.Sqrt(variance + tensPeers.PredictionVariance))));
            }

            var detractors = PeerShape.Of(Peers(detractorGaps, detractorPeer, index[value]));
            if (detractors is { } detractorPeers)
            {
                var (gap, variance) = shape.DetractorGap;
                var expectedDetractors = RatingShape.BelowGap(shape.UpToEight, detractorPeers.Mean);
                tests.Add((value, "detractors missing for its score", expectedDetractors - shape.UpToSix,
                    NormalDistribution.UpperTail((gap - detractorPeers.Mean) / Math.Sqrt(variance + detractorPeers.PredictionVariance))));
            }

            if (rates.TryGetValue(value, out var rate))
            {
                tests.Add((value, "response rate beyond peers", rate.Excess, rate.PValue));
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

        ReadOnlySpan<(double Gap, double Variance)> Peers((double Gap, double Variance)[] gaps, bool[] peer, int self)
        {
            var count = 0;
            for (var i = 0; i < gaps.Length; i++)
            {
                if (i != self && peer[i]) peers[count++] = gaps[i];
            }

            return peers.AsSpan(0, count);
        }
    }

    /// <summary>One value's response rate against its peers' pooled rate, one-sided (higher), before adjustment.</summary>
    private readonly record struct RateTest(ResponseRateCounts Counts, long PeerSent, long PeerAnswered, double Excess, double PValue);

    /// <summary>
    /// The response-rate test of every value with at least the minimum number of invitations sent (so a handful of
    /// answers cannot make a rate), against the pooled rate of the others (also at least the minimum).
    /// </summary>
    private Dictionary<string, RateTest> RateTests(IReadOnlyCollection<ResponseRateCounts> responseRates, string? unflaggedValue)
    {
        var merged = new Dictionary<string, ResponseRateCounts>(StringComparer.Ordinal);
        foreach (var counts in responseRates)
        {
            ArgumentNullException.ThrowIfNull(counts.Value, nameof(responseRates));
            if (counts.Sent < 0 || counts.Answered < 0 || counts.Answered > counts.Sent)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"The response rate of {counts.Value} has {counts.Answered} answered of {counts.Sent} sent; answered must lie in [0, sent]."), nameof(responseRates));
            }

            merged[counts.Value] = merged.TryGetValue(counts.Value, out var current)
                ? current with { Sent = current.Sent + counts.Sent, Answered = current.Answered + counts.Answered }
                : counts;
        }

        long sent = merged.Values.Sum(c => c.Sent), answered = merged.Values.Sum(c => c.Answered);
        var tests = new Dictionary<string, RateTest>(StringComparer.Ordinal);
        foreach (var (value, counts) in merged)
        {
            if (value == unflaggedValue || counts.Sent < _options.MinimumCount) continue;
            long peerSent = sent - counts.Sent, peerAnswered = answered - counts.Answered;
            if (peerSent < _options.MinimumCount) continue;
            tests[value] = new RateTest(counts, peerSent, peerAnswered, Share(counts.Answered, counts.Sent) - Share(peerAnswered, peerSent),
                ProportionTest.GreaterPValue(counts.Answered, counts.Sent, peerAnswered, peerSent));
        }

        return tests;
    }

    private List<CoachingSignal> ResponseRateOutliers(CoachingPopulation population, Dictionary<string, RateTest> rates)
    {
        var tests = rates.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        var q = BenjaminiHochberg.Adjust(tests.Select(t => t.Value.PValue).ToArray());
        var signals = new List<CoachingSignal>();
        var weighted = population.Weighted;
        for (var i = 0; i < tests.Count; i++)
        {
            var (value, test) = tests[i];
            if (!(q[i] < _options.FalseDiscoveryRate && test.Excess >= _options.ResponseRateMinimumExcess)) continue;
            var known = population.Values.Contains(value);
            var cell = known ? population.Total(value) : new CoachingCell();
            var rest = CoachingCell.Sum(population.Values.Where(v => v != value).Select(v => population.Total(v)));
            var rate = Share(test.Counts.Answered, test.Counts.Sent);
            var peerRate = Share(test.PeerAnswered, test.PeerSent);
            signals.Add(Signal(CoachingSignalKinds.ResponseRateOutlier, value, cell, "peers", rest.Score(weighted).Score, rest.Count, q[i],
                known ? population.PeriodsOf(value) : [], 100 * test.Excess, null, weighted, string.Create(CultureInfo.InvariantCulture,
                    $"possible solicitation: response rate {rate * 100:0.0} % ({test.Counts.Answered:N0} of {test.Counts.Sent:N0} sent) against peers' {peerRate * 100:0.0} % ({test.PeerAnswered:N0} of {test.PeerSent:N0})")));
        }

        return signals;
    }

    private CoachingSignal Signal(string kind, string value, CoachingCell cell, string referenceName, double referenceScore, long referenceCount,
        double adjustedPValue, List<string> periods, double? difference, double? standardError, bool weighted, string summary,
        (double Lower, double Upper, string SignalledIn)? bounds = null)
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
            Since = bounds is null ? null : periods[0],
            SignalledIn = bounds?.SignalledIn,
            DifferenceLower = bounds?.Lower,
            DifferenceUpper = bounds?.Upper,
        });
    }

    private static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
}

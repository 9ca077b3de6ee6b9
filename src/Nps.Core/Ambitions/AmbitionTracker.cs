using Nps.Segmentation;

namespace Nps.Ambitions;

/// <summary>
/// Measures ambitions against their baseline: per ambition the baseline's score, the score of the current window
/// (the <see cref="AmbitionTrackerOptions.WindowDays"/> days ending at <see cref="AmbitionTrackerOptions.AsOf"/>),
/// the change, the posterior probability that the target is reached, and whether the score is on track.
/// </summary>
/// <remarks>
/// <para><b>On track</b> means the current score is at or above the straight line from the baseline score, placed
/// at the baseline's last day, to the target, placed at <c>by</c>, read on the as-of day. Before the baseline ends
/// the line is the baseline score; after <c>by</c> it is the target. It compares point estimates: read it together
/// with <see cref="AmbitionProgress.ProbabilityAtLeastTarget"/> and the intervals.</para>
/// <para>A response counts for an ambition when its dimension value equals the ambition's value (ignoring case)
/// and its local day lies in the window. One pass over the responses for all ambitions.</para>
/// </remarks>
public static class AmbitionTracker
{
    /// <summary>Measures every ambition.</summary>
    /// <param name="responses">The responses.</param>
    /// <param name="ambitions">The ambitions.</param>
    /// <param name="options">The as-of day, window and settings.</param>
    /// <returns>One progress per ambition, in the ambitions' order.</returns>
    public static IReadOnlyList<AmbitionProgress> Evaluate(IEnumerable<SurveyResponse> responses, IReadOnlyList<Ambition> ambitions, AmbitionTrackerOptions options)
    {
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(ambitions);
        ArgumentNullException.ThrowIfNull(options);
        OptionsValidation.ThrowIfInvalid(options, nameof(options));
        var currentTo = options.AsOf;
        var currentFrom = currentTo.AddDays(1 - options.WindowDays);
        var counts = new long[ambitions.Count * 6]; // per ambition: baseline d/a/p, current d/a/p
        foreach (var response in responses)
        {
            ArgumentNullException.ThrowIfNull(response, nameof(responses));
            if ((response.IsManual && !options.IncludeManual) || (response.IsUnsolicited && !options.IncludeUnsolicited)) continue;
            var day = TimeBucket.LocalDate(response.RespondedAt, options.TimeZone);
            var category = (int)response.Category;
            for (var i = 0; i < ambitions.Count; i++)
            {
                var ambition = ambitions[i];
                var inBaseline = day >= ambition.BaselineFrom && day <= ambition.BaselineTo;
                var inCurrent = day >= currentFrom && day <= currentTo;
                if (!inBaseline && !inCurrent) continue;
                if (!string.Equals(response.GetDimension(ambition.Dimension), ambition.Value, StringComparison.OrdinalIgnoreCase)) continue;
                if (inBaseline) counts[(i * 6) + category]++;
                if (inCurrent) counts[(i * 6) + 3 + category]++;
            }
        }

        return Progress(counts, ambitions, options);
    }

    /// <summary>
    /// Measures every ambition from a store's counts (category counts per dimension value over the baseline and the
    /// current window): the same progress <see cref="Evaluate"/> gives over the stored responses, without reading them.
    /// </summary>
    /// <param name="source">Where the responses are counted.</param>
    /// <param name="ambitions">The ambitions.</param>
    /// <param name="options">The as-of day, window and settings.</param>
    /// <param name="cancellationToken">Cancels counting.</param>
    /// <returns>One progress per ambition, in the ambitions' order.</returns>
    public static async Task<IReadOnlyList<AmbitionProgress>> EvaluateAsync(INpsCountSource source, IReadOnlyList<Ambition> ambitions, AmbitionTrackerOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(ambitions);
        ArgumentNullException.ThrowIfNull(options);
        var zone = options.TimeZone ?? TimeZoneInfo.Utc;
        var currentTo = options.AsOf;
        var currentFrom = currentTo.AddDays(1 - options.WindowDays);
        // One count per (dimension, days) asked: ambitions on the same dimension share the current window's counts.
        var counted = new Dictionary<(string Dimension, DateOnly First, DateOnly Last), List<(string? Value, NpsCategory Category, long Count)>>();
        var counts = new long[ambitions.Count * 6];
        for (var i = 0; i < ambitions.Count; i++)
        {
            var ambition = ambitions[i];
            ArgumentNullException.ThrowIfNull(ambition, nameof(ambitions));
            await AddAsync(ambition.BaselineFrom, ambition.BaselineTo, i * 6).ConfigureAwait(false);
            await AddAsync(currentFrom, currentTo, (i * 6) + 3).ConfigureAwait(false);

            async Task AddAsync(DateOnly first, DateOnly last, int at)
            {
                if (!counted.TryGetValue((ambition.Dimension, first, last), out var rows))
                {
                    rows = [];
                    await foreach (var row in LocalDayCounts.CountAsync(source, [ambition.Dimension], first, last, zone, byDay: false, cancellationToken: cancellationToken).ConfigureAwait(false))
                    {
                        if ((row.IsManual && !options.IncludeManual) || (row.IsUnsolicited && !options.IncludeUnsolicited)) continue;
                        rows.Add((row.DimensionValues[0], NpsRating.Classify(row.Rating.Value), row.Count));
                    }

                    counted[(ambition.Dimension, first, last)] = rows;
                }

                foreach (var (value, category, count) in rows)
                {
                    if (string.Equals(value, ambition.Value, StringComparison.OrdinalIgnoreCase)) counts[at + (int)category] += count;
                }
            }
        }

        return Progress(counts, ambitions, options);
    }

    private static AmbitionProgress[] Progress(long[] counts, IReadOnlyList<Ambition> ambitions, AmbitionTrackerOptions options)
    {
        var currentTo = options.AsOf;
        var currentFrom = currentTo.AddDays(1 - options.WindowDays);
        var results = new AmbitionProgress[ambitions.Count];
        for (var i = 0; i < ambitions.Count; i++)
        {
            var ambition = ambitions[i];
            var baseline = new NpsCategoryCounts(counts[i * 6], counts[(i * 6) + 1], counts[(i * 6) + 2]);
            var current = new NpsCategoryCounts(counts[(i * 6) + 3], counts[(i * 6) + 4], counts[(i * 6) + 5]);
            var expected = baseline.IsEmpty ? (double?)null : ExpectedScore(ambition, baseline.Score, currentTo);
            results[i] = new AmbitionProgress
            {
                Ambition = ambition,
                Baseline = baseline,
                BaselineInterval = baseline.ConfidenceInterval(options.Level, options.Method),
                CurrentFrom = currentFrom,
                CurrentTo = currentTo,
                Current = current,
                CurrentInterval = current.ConfidenceInterval(options.Level, options.Method),
                Change = baseline.IsEmpty || current.IsEmpty ? null : NpsCategoryCounts.Compare(current, baseline, options.Level),
                ProbabilityAtLeastTarget = NpsPosterior.ProbabilityAtLeast(current, ambition.Target),
                ExpectedScore = expected,
                OnTrack = expected is { } line && !current.IsEmpty ? current.Score >= line : null,
            };
        }

        return results;
    }

    /// <summary>The straight line from (baseline's last day, baseline score) to (by, target), read on a day and held flat outside.</summary>
    /// <param name="ambition">The ambition.</param>
    /// <param name="baselineScore">The baseline's score in points.</param>
    /// <param name="day">The day to read the line on.</param>
    /// <returns>The expected score in points.</returns>
    public static double ExpectedScore(Ambition ambition, double baselineScore, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(ambition);
        var span = ambition.By.DayNumber - ambition.BaselineTo.DayNumber;
        if (span <= 0) return ambition.Target;
        var progress = Math.Clamp((double)(day.DayNumber - ambition.BaselineTo.DayNumber) / span, 0, 1);
        return baselineScore + ((ambition.Target - baselineScore) * progress);
    }
}

using Nps.Segmentation;

namespace Nps.Insights;

/// <summary>
/// Seeded simulation of the sequential coaching signals, to see their calibration: for each signal, false alarms per
/// 100 value-years in populations without any effect, and how often a gap of 10, 15, 20 or 25 points is signalled
/// within 3, 6 and 12 periods of its start, at 25, 50 and 100 responses per value and period. Everything runs through
/// <see cref="CoachingSignalDetector"/> as a coach would look: on the data up to each moment.
/// </summary>
/// <remarks>
/// The populations: 18 agents (underperformance) or 10 teams (post-launch-drop), the others at NPS +25 with 35 %
/// passives. An underperformer falls by the gap from its fourth period; a new team starts level with the others and
/// falls by the gap after its three honeymoon periods. The false-alarm lines watch 18 equal agents for 24 periods,
/// looked at after 12 and 24. The same seed gives the same table.
/// </remarks>
public static class CoachingCalibration
{
    /// <summary>The gaps, in points, whose detection is measured.</summary>
    public static IReadOnlyList<double> Gaps { get; } = [10, 15, 20, 25];

    /// <summary>The numbers of responses per value and period measured.</summary>
    public static IReadOnlyList<int> Sizes { get; } = [25, 50, 100];

    /// <summary>Runs the simulation.</summary>
    /// <param name="options">The detector's settings (their <see cref="CoachingSignalOptions.Dimension"/> and launch dates are ignored).</param>
    /// <param name="seeds">Populations per line.</param>
    /// <param name="seed">The first seed.</param>
    /// <returns>Per signal and size: the false-alarm line (gap 0), then one line per gap.</returns>
    public static IReadOnlyList<CoachingCalibrationRow> Run(CoachingSignalOptions options, int seeds = 200, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, 1);
        var detector = new CoachingSignalDetector(options with { Launches = new Dictionary<string, DateOnly>(StringComparer.Ordinal), RequireLaunchDate = false });
        var first = TimeBucket.Containing(new DateOnly(2026, 1, 1), options.Period);
        var rows = new List<CoachingCalibrationRow>();
        foreach (var kind in new[] { CoachingSignalKinds.Underperformance, CoachingSignalKinds.PostLaunchDrop })
        {
            foreach (var size in Sizes)
            {
                var alarms = 0;
                for (var s = 0; s < seeds; s++)
                {
                    var cells = Population(new Random(seed + s), first, 18, 24, size, (_, _) => 25, newcomer: false);
                    alarms += detector.Detect(UpTo(cells, first, 12)).Count(x => x.Kind == kind) + detector.Detect(cells).Count(x => x.Kind == kind);
                }

                rows.Add(new(kind, size, 0, seeds, 100.0 * alarms / (seeds * 18 * 24 / Cusum.PeriodsPerYear(options.Period)), double.NaN, double.NaN, double.NaN));
                foreach (var gap in Gaps)
                {
                    int within3 = 0, within6 = 0, within12 = 0;
                    for (var s = 0; s < seeds; s++)
                    {
                        var random = new Random(seed + 100_000 + s);
                        var cells = kind == CoachingSignalKinds.Underperformance
                            ? Population(random, first, 18, 15, size, (value, period) => value == 0 && period >= 3 ? 25 - gap : 25, newcomer: false)
                            : Population(random, first, 10, 15, size, (value, period) => value == 0 && period >= 3 ? 25 - gap : 25, newcomer: true);
                        bool Found(int periods) => detector.Detect(UpTo(cells, first, periods)).Any(x => x.Kind == kind && x.Value == "v0");
                        if (!Found(15)) continue;
                        within12++;
                        if (!Found(9)) continue;
                        within6++;
                        if (Found(6)) within3++;
                    }

                    rows.Add(new(kind, size, gap, seeds, double.NaN, (double)within3 / seeds, (double)within6 / seeds, (double)within12 / seeds));
                }
            }
        }

        return rows;
    }

    private static List<SegmentPeriodCounts> UpTo(List<SegmentPeriodCounts> cells, TimeBucket first, int periods)
    {
        var end = first;
        for (var i = 0; i < periods; i++) end = end.Next;
        return [.. cells.Where(c => c.Period < end)];
    }

    // Values v0..v{n−1}; with `newcomer`, v0 starts with the data's first period and the others a period earlier, so
    // v0's honeymoon is its first three periods.
    private static List<SegmentPeriodCounts> Population(Random random, TimeBucket first, int values, int periods, int size,
        Func<int, int, double> score, bool newcomer)
    {
        var cells = new List<SegmentPeriodCounts>(values * (periods + 1));
        for (var v = 0; v < values; v++)
        {
            var period = first;
            if (newcomer && v > 0) cells.Add(new("v" + v, first.Previous, Sample(random, size, 25)));
            for (var p = 0; p < periods; p++, period = period.Next) cells.Add(new("v" + v, period, Sample(random, size, score(v, p))));
        }

        return cells;
    }

    // n answers at the given score with 35 % passives.
    private static NpsDistribution Sample(Random random, int n, double score)
    {
        double promoters = (0.65 + score / 100) / 2, detractors = (0.65 - score / 100) / 2;
        var counts = new long[NpsRating.MaxValue + 1];
        for (var i = 0; i < n; i++)
        {
            var u = random.NextDouble();
            counts[u < promoters ? 10 : u < promoters + detractors ? 3 : 8]++;
        }

        return NpsDistribution.FromCounts(counts);
    }
}

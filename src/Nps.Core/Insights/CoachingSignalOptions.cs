using Nps.Segmentation;

namespace Nps.Insights;

/// <summary>Settings of <see cref="CoachingSignalDetector"/>. Defaults are conservative: a signal should be rare and well founded.</summary>
public sealed record CoachingSignalOptions
{
    /// <summary>The dimension whose values are coached: <c>"agent"</c> (default), <c>"team"</c> or any dimension name.</summary>
    public string Dimension { get; init; } = "agent";

    /// <summary>The period the scores are followed over; <see cref="Period.Month"/> by default.</summary>
    public Period Period { get; init; } = Period.Month;

    /// <summary>The time zone whose local dates decide the period; UTC by default.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Confidence level; tests are significant when the Benjamini–Hochberg q-value is below 1 − level. 0.95 by default.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>The minimum n of a cell (and of its reference) for it to be tested at all; 30 by default.</summary>
    public int MinimumCount { get; init; } = NpsReportOptions.DefaultMinimumCount;

    /// <summary>For underperformance: how many consecutive periods must each be significantly below peers; 3 by default.</summary>
    public int ConsecutivePeriods { get; init; } = 3;

    /// <summary>For post-launch-drop: the number of first periods (months by default) that form the honeymoon; 3 by default.</summary>
    public int HoneymoonPeriods { get; init; } = 3;

    /// <summary>
    /// For post-launch-drop: only values first seen after the first period of the data count as new (for the others
    /// the launch is not in the data). <see langword="true"/> by default.
    /// </summary>
    public bool NewcomersOnly { get; init; } = true;

    /// <summary>
    /// For inflation: how far (in share points, 0..1) the share of 10s, of promoters or of manual sends must exceed
    /// the peers' (or the share of detractors fall below it) besides being significant; 0.15 by default, so a
    /// merely good agent is not flagged.
    /// </summary>
    public double InflationMinimumExcess { get; init; } = 0.15;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Dimension)) throw new ArgumentException("A dimension name must not be empty.", nameof(Dimension));
        ArgumentNullException.ThrowIfNull(TimeZone, nameof(TimeZone));
        if (!Enum.IsDefined(Period)) throw new ArgumentOutOfRangeException(nameof(Period), Period, "Unknown period.");
        if (!(Level > 0 && Level < 1)) throw new ArgumentOutOfRangeException(nameof(Level), Level, "A confidence level must lie strictly between 0 and 1.");
        if (MinimumCount < 1) throw new ArgumentOutOfRangeException(nameof(MinimumCount), MinimumCount, "The minimum count must be at least 1.");
        if (ConsecutivePeriods < 1) throw new ArgumentOutOfRangeException(nameof(ConsecutivePeriods), ConsecutivePeriods, "At least one period.");
        if (HoneymoonPeriods < 1) throw new ArgumentOutOfRangeException(nameof(HoneymoonPeriods), HoneymoonPeriods, "At least one period.");
        if (!(InflationMinimumExcess >= 0 && InflationMinimumExcess < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(InflationMinimumExcess), InflationMinimumExcess, "A share difference in [0, 1).");
        }
    }
}

using System.Globalization;
using Nps.Segmentation;

namespace Nps.Insights;

/// <summary>Settings of <see cref="CoachingSignalDetector"/>. Defaults are conservative: a signal is about a person, so it should be rare and well founded.</summary>
public sealed record CoachingSignalOptions : IValidatableOptions
{
    private static readonly IReadOnlyDictionary<string, DateOnly> NoLaunches = new Dictionary<string, DateOnly>(StringComparer.Ordinal);

    /// <summary>The dimension whose values are coached: <c>"agent"</c> (default), <c>"team"</c> or any dimension name.</summary>
    public string Dimension { get; init; } = "agent";

    /// <summary>The period the scores are followed over; <see cref="Period.Month"/> by default.</summary>
    public Period Period { get; init; } = Period.Month;

    /// <summary>The time zone whose local dates decide the period; UTC by default.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Confidence level of the intervals in the evidence; 0.95 by default.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>
    /// The false discovery rate of each kind's tests: a signal fires when its Benjamini–Hochberg q-value, adjusted
    /// across the values tested for that kind, is below it. 0.01 by default, so that a population without any effect
    /// shows no signal of any kind in about 97 % of runs (three kinds, each at most 1 %).
    /// </summary>
    public double FalseDiscoveryRate { get; init; } = 0.01;

    /// <summary>The minimum n of a value over the periods a test pools (and of its reference) for it to be tested; 30 by default.</summary>
    public int MinimumCount { get; init; } = NpsReportOptions.DefaultMinimumCount;

    /// <summary>
    /// For underperformance and post-launch-drop: how recent an alarm must be to be reported — it fell in the trailing
    /// window of this many periods ending with the data's last period; 12 by default (a year of months). An older
    /// alarm was about a gap a coach has had a year to notice. Post-launch-drop is also watched for this many periods
    /// after the honeymoon (or after an acknowledged conversation).
    /// </summary>
    public int WindowPeriods { get; init; } = 12;

    /// <summary>
    /// For underperformance and post-launch-drop: in how many periods since the gap began the value must lie below
    /// its reference before an alarm may fire (lower for a while, not one bad month); 3 by default.
    /// </summary>
    public int MinimumPeriodsBelow { get; init; } = 3;

    /// <summary>
    /// For underperformance and post-launch-drop: the sequential monitors' false-alarm rate, as value-years per false
    /// alarm of each kind when nothing differs (the CUSUM threshold is calibrated to it for the options' period);
    /// 400 by default: 18 equal agents watched for a year give a false alarm of one kind in about 4 % of years.
    /// </summary>
    public double ValueYearsPerFalseAlarm { get; init; } = 400;

    /// <summary>
    /// For underperformance and post-launch-drop: the fewest responses a value needs in a period for that period to
    /// add evidence; periods below it add nothing (they neither raise nor lower the accumulated evidence); 10 by default.
    /// </summary>
    public int MinimumPeriodCount { get; init; } = 10;

    /// <summary>
    /// Acknowledged coaching conversations: a date per value (e.g. <c>"a7" → 2026-05-12</c>). Monitoring of that value
    /// starts again with the period after the one containing the date, so a gap already discussed is not signalled
    /// again unless it shows anew (for post-launch-drop, the reference becomes the <see cref="HoneymoonPeriods"/>
    /// periods up to the conversation). Empty by default. Read them like <see cref="Launches"/> with
    /// <see cref="LaunchDates.TryReadCsv(TextReader, string, out IReadOnlyDictionary{string, DateOnly}?, out DataError)"/>.
    /// </summary>
    public IReadOnlyDictionary<string, DateOnly> Acknowledged { get; init; } = NoLaunches;

    /// <summary>For post-launch-drop: the number of first periods (months by default) that form the honeymoon; 3 by default.</summary>
    public int HoneymoonPeriods { get; init; } = 3;

    /// <summary>
    /// For post-launch-drop: start dates by value (e.g. <c>"team-north" → 2026-04-10</c>); the honeymoon is the
    /// <see cref="HoneymoonPeriods"/> periods from the one containing the start date (earlier periods, e.g. a pilot, are
    /// left out; a start before the data leaves nothing to compare, so the value is not tested). A value without a start date is
    /// tested from its first period in the data (unless <see cref="RequireLaunchDate"/>). Empty by default.
    /// </summary>
    public IReadOnlyDictionary<string, DateOnly> Launches { get; init; } = NoLaunches;

    /// <summary>
    /// For post-launch-drop: test only values with a start date in <see cref="Launches"/> (the others are taken to be
    /// established). <see langword="false"/> by default.
    /// </summary>
    public bool RequireLaunchDate { get; init; }

    /// <summary>
    /// Whether unsolicited responses (that matched no invitation) count in the ratings; <see langword="false"/> by
    /// default, as they are kept out of the unbiased score (they are skipped, not counted apart like manual sends).
    /// </summary>
    public bool IncludeUnsolicited { get; init; }

    /// <summary>
    /// For <see cref="CoachingSignalKinds.ResponseRateOutlier"/>: how far (in rate points, 0..1) a value's response rate
    /// must exceed its peers' besides being significant; 0.10 by default. Inflation's response-rate evidence uses
    /// <see cref="InflationMinimumExcess"/>.
    /// </summary>
    public double ResponseRateMinimumExcess { get; init; } = 0.10;

    /// <summary>
    /// For inflation: how far (in share points, 0..1) an indicator must exceed what is expected — the share of 10s
    /// beyond what the peers' 9/10 shape predicts for the value's promoter share, detractors missing against what
    /// the peers' shape predicts, manual sends beyond the peers' share — besides being significant; 0.05 by default.
    /// </summary>
    public double InflationMinimumExcess { get; init; } = 0.05;

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.NotBlank(path.Then(nameof(Dimension)), Dimension);
        errors.NotNull(path.Then(nameof(TimeZone)), TimeZone);
        errors.NotNull(path.Then(nameof(Launches)), Launches);
        errors.NotNull(path.Then(nameof(Acknowledged)), Acknowledged);
        errors.AtLeast(path.Then(nameof(ValueYearsPerFalseAlarm)), ValueYearsPerFalseAlarm, 1);
        errors.AtLeast(path.Then(nameof(MinimumPeriodCount)), MinimumPeriodCount, 1);
        errors.Defined(path.Then(nameof(Period)), Period);
        errors.Level(path.Then(nameof(Level)), Level);
        if (!(FalseDiscoveryRate > 0 && FalseDiscoveryRate < 1))
        {
            errors.Add(path.Then(nameof(FalseDiscoveryRate)), string.Create(CultureInfo.InvariantCulture, $"A false discovery rate must lie strictly between 0 and 1; got {FalseDiscoveryRate:R}."));
        }

        errors.AtLeast(path.Then(nameof(MinimumCount)), MinimumCount, 1);
        errors.AtLeast(path.Then(nameof(WindowPeriods)), WindowPeriods, 1);
        if (MinimumPeriodsBelow < 1 || MinimumPeriodsBelow > WindowPeriods)
        {
            errors.Add(path.Then(nameof(MinimumPeriodsBelow)), string.Create(CultureInfo.InvariantCulture, $"must be from 1 to the window's {WindowPeriods} periods (it is {MinimumPeriodsBelow})."));
        }

        errors.AtLeast(path.Then(nameof(HoneymoonPeriods)), HoneymoonPeriods, 1);
        if (!(InflationMinimumExcess >= 0 && InflationMinimumExcess < 1))
        {
            errors.Add(path.Then(nameof(InflationMinimumExcess)), string.Create(CultureInfo.InvariantCulture, $"A share difference in [0, 1); got {InflationMinimumExcess:R}."));
        }
    }
}

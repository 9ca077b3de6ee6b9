using System.Globalization;

namespace Nps.Segmentation;

/// <summary>What an <see cref="NpsReportBuilder"/> groups by and how it states uncertainty.</summary>
/// <remarks>Immutable once built; validated when a builder is created (programmer errors throw <see cref="ArgumentException"/>).</remarks>
public sealed record NpsReportOptions : IValidatableOptions
{
    /// <summary>The default minimum sample size below which a cell says "not enough data": 30.</summary>
    public const int DefaultMinimumCount = 30;

    /// <summary>The default largest number of dimensions a report groups by: 4.</summary>
    public const int DefaultMaxDimensions = 4;

    /// <summary>
    /// The dimensions to group by, e.g. <c>["team", "channel"]</c>: built-in names (<c>team</c>, <c>agent</c>,
    /// <c>channel</c>, <c>product</c>, <c>touchpoint</c>, <c>survey_kind</c>) or free attribute names, as read by
    /// <see cref="SurveyResponse.GetDimension(string)"/>. Empty (default) for no grouping by dimension.
    /// </summary>
    public IReadOnlyList<string> Dimensions { get; init; } = [];

    /// <summary>
    /// The largest number of <see cref="Dimensions"/> accepted; <see cref="DefaultMaxDimensions"/> (4) by default.
    /// Each dimension multiplies the cells a report counts, so the limit is checked before any counting.
    /// </summary>
    public int MaxDimensions { get; init; } = DefaultMaxDimensions;

    /// <summary>The period to group by as well, or null (default) for no grouping by time.</summary>
    public Period? Period { get; init; }

    /// <summary>The time zone whose local dates decide the period of a response; UTC by default.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The confidence level of intervals and the significance level of tests, in (0, 1); 0.95 by default.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>How intervals are computed; adjusted Wald by default.</summary>
    public IntervalMethod IntervalMethod { get; init; } = IntervalMethod.AdjustedWald;

    /// <summary>
    /// The minimum sample size n for a cell to have <see cref="NpsReportCell.EnoughData"/> (and to be tested for
    /// significance); <see cref="DefaultMinimumCount"/> (30) by default. A cell with n below it still reports its
    /// interval.
    /// </summary>
    public int MinimumCount { get; init; } = DefaultMinimumCount;

    /// <summary>
    /// Whether responses to manual (hand-picked) sends count in the scores. <see langword="false"/> by default:
    /// they are kept out of the unbiased score and only counted, per cell, in <see cref="NpsReportCell.ManualSends"/>.
    /// </summary>
    public bool IncludeManual { get; init; }

    /// <summary>
    /// Whether unsolicited responses (that matched no invitation, <see cref="ResponseProvenance.Unsolicited"/>) count in
    /// the scores. <see langword="false"/> by default: like manual sends they are kept out of the unbiased score and only
    /// counted, per cell, in <see cref="NpsReportCell.Unsolicited"/>.
    /// </summary>
    public bool IncludeUnsolicited { get; init; }

    /// <summary>
    /// The false-mark rate of the trend's change marks (<see cref="NpsReportCell.Change"/>): years per false mark of an
    /// unchanged score, whatever the period; 15 by default (<see cref="LevelChangeMonitor.DefaultYearsPerFalseMark"/>).
    /// </summary>
    public double YearsPerFalseChangeMark { get; init; } = LevelChangeMonitor.DefaultYearsPerFalseMark;

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var dimensions = path.Then(nameof(Dimensions));
        errors.NotNull(dimensions, Dimensions);
        errors.NotNull(path.Then(nameof(TimeZone)), TimeZone);
        if (Dimensions is not null)
        {
            if (NpsCountQuery.DimensionCountProblem(Dimensions.Count, MaxDimensions) is { } tooMany) errors.Add(dimensions, tooMany);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < Dimensions.Count; i++)
            {
                var dimension = Dimensions[i];
                if (string.IsNullOrWhiteSpace(dimension)) errors.Add(dimensions.At(i), "A dimension name must not be empty.");
                else if (string.Equals(dimension, NpsReportCell.PeriodDimension, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(dimensions.At(i), "Group by time with the Period option, not a dimension named \"period\".");
                }
                else if (!seen.Add(dimension))
                {
                    errors.Add(dimensions.At(i), string.Create(CultureInfo.InvariantCulture, $"The dimension \"{dimension}\" is listed twice."));
                }
            }
        }

        if (Period is { } period) errors.Defined(path.Then(nameof(Period)), period);
        errors.Level(path.Then(nameof(Level)), Level);
        errors.Defined(path.Then(nameof(IntervalMethod)), IntervalMethod);
        errors.AtLeast(path.Then(nameof(MinimumCount)), MinimumCount, 1);
        errors.AtLeast(path.Then(nameof(YearsPerFalseChangeMark)), YearsPerFalseChangeMark, 0.1);
    }
}

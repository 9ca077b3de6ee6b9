using Nps.Insights;

namespace Nps.Huddle;

/// <summary>What a <see cref="HuddleBriefBuilder"/> builds a brief for, and how.</summary>
public sealed record HuddleBriefOptions : IValidatableOptions
{
    /// <summary>The team (matched against <see cref="SurveyResponse.Team"/>, ignoring case).</summary>
    public required string Team { get; init; }

    /// <summary>The period; the last complete ISO week of the clock when null.</summary>
    public HuddlePeriod? Period { get; init; }

    /// <summary>The time zone whose calendar defines the days; UTC when null.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>The periods in the trend, the brief's own included; 8 by default.</summary>
    public int TrendPeriods { get; init; } = 8;

    /// <summary>Below this n the score says "not enough data" and no change is tested; 30 by default.</summary>
    public int MinimumCount { get; init; } = 30;

    /// <summary>The confidence level of intervals and of the significance of the change; 0.95 by default.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>The interval method; adjusted Wald by default.</summary>
    public IntervalMethod Method { get; init; } = IntervalMethod.AdjustedWald;

    /// <summary>The comment themes; <see cref="ThemeTaxonomy.Default"/> by default.</summary>
    public ThemeTaxonomy Taxonomy { get; init; } = ThemeTaxonomy.Default;

    /// <summary>How many themes the brief shows, most mentioned first; 3 by default.</summary>
    public int TopThemes { get; init; } = 3;

    /// <summary>Example comments per theme (the first ones of the period); 3 by default.</summary>
    public int ExamplesPerTheme { get; init; } = 3;

    /// <summary>Whether responses to manual sends count in the score, trend and themes; false by default. The comment
    /// lists (detractor comments, callbacks, compliments) always hold every response of the period.</summary>
    public bool IncludeManual { get; init; }

    /// <summary>Whether unsolicited responses (that matched no invitation) count; false by default, as they are kept out of the unbiased score.</summary>
    public bool IncludeUnsolicited { get; init; }

    /// <summary>
    /// How many periods of history the change mark watches (the trend's included): the usual level is learnt from them;
    /// 104 by default (two years of weeks). A mark shown once stays for the same data, whichever week it is looked at from.
    /// </summary>
    public int ChangeHistoryPeriods { get; init; } = 104;

    /// <summary>
    /// The false-mark rate of the change mark: years per false "changed" mark of an unchanged score, whatever the period
    /// length; 15 by default, so that over 5 years of weekly looks at least 90 % of unchanged teams see at most one.
    /// </summary>
    public double YearsPerFalseChangeMark { get; init; } = Segmentation.LevelChangeMonitor.DefaultYearsPerFalseMark;

    /// <summary>The moment follow-ups are judged at (open, overdue); the end of the period, or now if earlier, when null.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.NotBlank(path.Then(nameof(Team)), Team);
        errors.AtLeast(path.Then(nameof(TrendPeriods)), TrendPeriods, 2);
        errors.AtLeast(path.Then(nameof(MinimumCount)), MinimumCount, 1);
        errors.Level(path.Then(nameof(Level)), Level);
        errors.Defined(path.Then(nameof(Method)), Method);
        errors.NotNull(path.Then(nameof(Taxonomy)), Taxonomy);
        errors.AtLeast(path.Then(nameof(TopThemes)), TopThemes, 0);
        errors.AtLeast(path.Then(nameof(ExamplesPerTheme)), ExamplesPerTheme, 0);
        errors.AtLeast(path.Then(nameof(ChangeHistoryPeriods)), ChangeHistoryPeriods, 2);
        errors.AtLeast(path.Then(nameof(YearsPerFalseChangeMark)), YearsPerFalseChangeMark, 0.1);
        if (TrendPeriods >= 2 && Period is { } period && period.TrendProblem(TrendPeriods) is { } problem) errors.Add(path.Then(nameof(Period)), problem);
    }
}

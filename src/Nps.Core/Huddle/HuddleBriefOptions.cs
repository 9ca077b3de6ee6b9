using System.Globalization;
using Nps.Insights;

namespace Nps.Huddle;

/// <summary>What a <see cref="HuddleBriefBuilder"/> builds a brief for, and how.</summary>
public sealed record HuddleBriefOptions
{
    private readonly string _team = "";
    private readonly int _trendPeriods = 8;
    private readonly int _changeHistoryPeriods = 104;
    private readonly double _yearsPerFalseChangeMark = Segmentation.LevelChangeMonitor.DefaultYearsPerFalseMark;
    private readonly int _minimumCount = 30;
    private readonly double _level = 0.95;
    private readonly int _topThemes = 3;
    private readonly int _examplesPerTheme = 3;
    private readonly ThemeTaxonomy _taxonomy = ThemeTaxonomy.Default;

    /// <summary>The team (matched against <see cref="SurveyResponse.Team"/>, ignoring case).</summary>
    public required string Team
    {
        get => _team;
        init => _team = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A team must not be empty.", nameof(Team)) : value;
    }

    /// <summary>The period; the last complete ISO week of the clock when null.</summary>
    public HuddlePeriod? Period { get; init; }

    /// <summary>The time zone whose calendar defines the days; UTC when null.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>The periods in the trend, the brief's own included; 8 by default.</summary>
    public int TrendPeriods
    {
        get => _trendPeriods;
        init => _trendPeriods = value >= 2 ? value : throw Invalid(nameof(TrendPeriods), value, "at least 2");
    }

    /// <summary>Below this n the score says "not enough data" and no change is tested; 30 by default.</summary>
    public int MinimumCount
    {
        get => _minimumCount;
        init => _minimumCount = value >= 1 ? value : throw Invalid(nameof(MinimumCount), value, "at least 1");
    }

    /// <summary>The confidence level of intervals and of the significance of the change; 0.95 by default.</summary>
    public double Level
    {
        get => _level;
        init
        {
            Guard.Level(value, nameof(Level));
            _level = value;
        }
    }

    /// <summary>The interval method; adjusted Wald by default.</summary>
    public IntervalMethod Method { get; init; } = IntervalMethod.AdjustedWald;

    /// <summary>The comment themes; <see cref="ThemeTaxonomy.Default"/> by default.</summary>
    public ThemeTaxonomy Taxonomy
    {
        get => _taxonomy;
        init => _taxonomy = value ?? throw new ArgumentNullException(nameof(Taxonomy));
    }

    /// <summary>How many themes the brief shows, most mentioned first; 3 by default.</summary>
    public int TopThemes
    {
        get => _topThemes;
        init => _topThemes = value >= 0 ? value : throw Invalid(nameof(TopThemes), value, "0 or more");
    }

    /// <summary>Example comments per theme (the first ones of the period); 3 by default.</summary>
    public int ExamplesPerTheme
    {
        get => _examplesPerTheme;
        init => _examplesPerTheme = value >= 0 ? value : throw Invalid(nameof(ExamplesPerTheme), value, "0 or more");
    }

    /// <summary>Whether responses to manual sends count in the score, trend and themes; false by default. The comment
    /// lists (detractor comments, callbacks, compliments) always hold every response of the period.</summary>
    public bool IncludeManual { get; init; }

    /// <summary>Whether unsolicited responses (that matched no invitation) count; false by default, as they are kept out of the unbiased score.</summary>
    public bool IncludeUnsolicited { get; init; }

    /// <summary>
    /// How many periods of history the change mark watches (the trend's included): the usual level is learnt from them;
    /// 104 by default (two years of weeks). A mark shown once stays for the same data, whichever week it is looked at from.
    /// </summary>
    public int ChangeHistoryPeriods
    {
        get => _changeHistoryPeriods;
        init => _changeHistoryPeriods = value >= 2 ? value : throw Invalid(nameof(ChangeHistoryPeriods), value, "at least 2");
    }

    /// <summary>
    /// The false-mark rate of the change mark: years per false "changed" mark of an unchanged score, whatever the period
    /// length; 15 by default, so that over 5 years of weekly looks at least 90 % of unchanged teams see at most one.
    /// </summary>
    public double YearsPerFalseChangeMark
    {
        get => _yearsPerFalseChangeMark;
        init => _yearsPerFalseChangeMark = value >= 0.1 && double.IsFinite(value) ? value
            : throw new ArgumentOutOfRangeException(nameof(YearsPerFalseChangeMark), value, "YearsPerFalseChangeMark must be at least 0.1.");
    }

    /// <summary>The moment follow-ups are judged at (open, overdue); the end of the period, or now if earlier, when null.</summary>
    public DateTimeOffset? AsOf { get; init; }

    private static ArgumentOutOfRangeException Invalid(string name, int value, string rule) =>
        new(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be {rule}; got {value}."));
}

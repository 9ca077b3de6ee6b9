namespace Nps.Insights;

/// <summary>Options of <see cref="ThemeAnalysis.Analyze"/>.</summary>
public sealed record ThemeAnalysisOptions
{
    private readonly int _examplesPerTheme = 3;
    private readonly double _confidenceLevel = 0.95;
    private readonly int _minimumMentions = 10;

    /// <summary>How many example comments to keep per theme (the first ones in response order); 3 by default.</summary>
    public int ExamplesPerTheme
    {
        get => _examplesPerTheme;
        init => _examplesPerTheme = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ExamplesPerTheme), value, "The number of examples cannot be negative.");
    }

    /// <summary>The confidence level of the impact's interval; 0.95 by default.</summary>
    public double ConfidenceLevel
    {
        get => _confidenceLevel;
        init
        {
            Guard.Level(value, nameof(ConfidenceLevel));
            _confidenceLevel = value;
        }
    }

    /// <summary>
    /// How many responses must mention a theme before its impact is tested; 10 by default (at least 1). Below it the
    /// theme is listed with its mentions but no impact or p-value: a theme mentioned once says nothing about scores.
    /// </summary>
    public int MinimumMentions
    {
        get => _minimumMentions;
        init => _minimumMentions = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MinimumMentions), value, "The minimum number of mentions must be at least 1.");
    }

    /// <summary>What mentions are compared with; <see cref="ThemeBaseline.OtherComments"/> by default.</summary>
    public ThemeBaseline Baseline { get; init; }

    /// <summary>Whether manual sends count; false by default, as they are kept out of the unbiased score.</summary>
    public bool IncludeManual { get; init; }

    /// <summary>Whether unsolicited responses (that matched no invitation) count; false by default, as they are kept out of the unbiased score.</summary>
    public bool IncludeUnsolicited { get; init; }
}

namespace Nps.Insights;

/// <summary>Options of <see cref="ThemeAnalysis.Analyze"/>.</summary>
public sealed record ThemeAnalysisOptions : IValidatableOptions
{
    /// <summary>How many example comments to keep per theme (the first ones in response order); 3 by default.</summary>
    public int ExamplesPerTheme { get; init; } = 3;

    /// <summary>The confidence level of the impact's interval; 0.95 by default.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>
    /// How many responses must mention a theme before its impact is tested; 10 by default (at least 1). Below it the
    /// theme is listed with its mentions but no impact or p-value: a theme mentioned once says nothing about scores.
    /// </summary>
    public int MinimumMentions { get; init; } = 10;

    /// <summary>What mentions are compared with; <see cref="ThemeBaseline.OtherComments"/> by default.</summary>
    public ThemeBaseline Baseline { get; init; }

    /// <summary>Whether manual sends count; false by default, as they are kept out of the unbiased score.</summary>
    public bool IncludeManual { get; init; }

    /// <summary>Whether unsolicited responses (that matched no invitation) count; false by default, as they are kept out of the unbiased score.</summary>
    public bool IncludeUnsolicited { get; init; }

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.AtLeast(path.Then(nameof(ExamplesPerTheme)), ExamplesPerTheme, 0);
        errors.Level(path.Then(nameof(Level)), Level);
        errors.AtLeast(path.Then(nameof(MinimumMentions)), MinimumMentions, 1);
        errors.Defined(path.Then(nameof(Baseline)), Baseline);
    }
}

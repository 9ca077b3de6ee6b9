using System.Globalization;

namespace Nps.Segmentation;

/// <summary>
/// One test of a report: a cell's score against a reference (the rest of the population, or the previous
/// period), with its raw p-value and the Benjamini–Hochberg adjusted p-value over every test of the same report.
/// </summary>
/// <param name="Comparison">The comparison cell − reference (difference, standard error, p-value, interval); weighted when <see cref="IsWeighted"/>.</param>
/// <param name="AdjustedPValue">The Benjamini–Hochberg q-value across all tests in the report.</param>
/// <param name="Level">The report's level; significant means <see cref="AdjustedPValue"/> &lt; 1 − level.</param>
public readonly record struct SignificanceTest(NpsComparison Comparison, double AdjustedPValue, double Level)
{
    /// <summary>
    /// Whether the comparison is between weighted estimates (the report's inclusion probabilities differ): scores
    /// Σw·x / Σw with w = 1 / inclusion probability and the linearised standard error of each side.
    /// </summary>
    public bool IsWeighted { get; init; }

    /// <summary>The difference cell − reference in points.</summary>
    public double Difference => Comparison.Difference;

    /// <summary>The raw two-sided p-value of this test alone.</summary>
    public double PValue => Comparison.PValue;

    /// <summary>The reference's score in points (the rest, or the previous period).</summary>
    public double ReferenceScore => Comparison.ScoreB;

    /// <summary>Whether the difference is significant after the multiple-comparison adjustment.</summary>
    public bool IsSignificant => AdjustedPValue < 1 - Level;

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Δ={Difference:0.0} points, p={PValue:0.####}, q={AdjustedPValue:0.####}");
}

using Nps.Segmentation;

namespace Nps.Serialization;

/// <summary>A two-sample test of a segment's score, with the Benjamini–Hochberg adjusted p-value, at full precision.</summary>
/// <param name="Difference">Segment score minus the reference score, in points.</param>
/// <param name="PValue">The two-sided p-value of this one test.</param>
/// <param name="AdjustedPValue">The p-value adjusted for all tests in the report (Benjamini–Hochberg).</param>
/// <param name="Significant">Whether the adjusted p-value is below 1 − level.</param>
public sealed record NpsSignificanceDocument(double Difference, double PValue, double AdjustedPValue, bool Significant)
{
    /// <summary>The document of a test, or null when the cell was not tested.</summary>
    /// <param name="test">The test.</param>
    /// <returns>The document, or null.</returns>
    public static NpsSignificanceDocument? From(SignificanceTest? test) => test is { } t
        ? new NpsSignificanceDocument(t.Difference, t.PValue, t.AdjustedPValue, t.IsSignificant)
        : null;
}

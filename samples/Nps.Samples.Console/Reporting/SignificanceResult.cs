namespace Nps.Samples.Console.Reporting;

/// <summary>A two-sample test of a segment's score, with the Benjamini–Hochberg adjusted p-value.</summary>
/// <param name="Difference">Segment score minus the reference score, in points.</param>
/// <param name="PValue">The two-sided p-value of this one test.</param>
/// <param name="AdjustedPValue">The p-value adjusted for all tests in the report (Benjamini–Hochberg).</param>
/// <param name="Significant">Whether the adjusted p-value is below 1 − level.</param>
public sealed record SignificanceResult(double Difference, double PValue, double AdjustedPValue, bool Significant);

using System.Globalization;

namespace Nps;

/// <summary>A confidence interval for a Net Promoter Score, in points (−100..100).</summary>
/// <param name="Lower">The lower bound in points, clamped to −100.</param>
/// <param name="Upper">The upper bound in points, clamped to 100.</param>
/// <param name="Center">
/// The centre the method builds around, in points: the plain estimate for Wald, the adjusted estimate for
/// adjusted Wald, the plain estimate for the score interval (which is not symmetric around it).
/// </param>
/// <param name="Level">The confidence level, in (0, 1).</param>
/// <param name="Method">How the interval was computed.</param>
public readonly record struct NpsInterval(double Lower, double Upper, double Center, double Level, IntervalMethod Method)
{
    /// <summary>The width of the interval in points.</summary>
    public double Width => Upper - Lower;

    /// <summary>Half the width: the margin of error in points.</summary>
    public double MarginOfError => (Upper - Lower) / 2;

    /// <summary>Whether <paramref name="score"/> (points) lies within the interval, bounds included.</summary>
    /// <param name="score">A score in points.</param>
    /// <returns><see langword="true"/> when the score is inside.</returns>
    public bool Contains(double score) => score >= Lower && score <= Upper;

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{Lower:0.0}, {Upper:0.0}] ({Level:0.##%} {Method})");
}

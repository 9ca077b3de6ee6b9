namespace Nps.Serialization;

/// <summary>A confidence interval in points, at full precision.</summary>
/// <param name="Lower">Lower bound; null if undefined.</param>
/// <param name="Upper">Upper bound; null if undefined.</param>
/// <param name="Level">The confidence level, in (0, 1).</param>
/// <param name="Method">The method (<see cref="WireNames"/>): <c>adjusted-wald</c>, <c>wald</c> or <c>score</c>.</param>
public sealed record NpsIntervalDocument(double? Lower, double? Upper, double Level, string Method)
{
    /// <summary>The document of an interval.</summary>
    /// <param name="interval">The interval.</param>
    /// <returns>The document.</returns>
    public static NpsIntervalDocument From(NpsInterval interval) =>
        new(NpsJson.Finite(interval.Lower), NpsJson.Finite(interval.Upper), interval.Level, WireNames.Format(interval.Method));
}

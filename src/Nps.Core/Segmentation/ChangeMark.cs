using System.Globalization;

namespace Nps.Segmentation;

/// <summary>
/// A lasting change of a score from its usual level, found by sequential monitoring that stays quiet under weekly
/// looking (<see cref="LevelChangeMonitor"/>): e.g. "below its usual level since 2026-W14". It says that the level
/// moved and since when; it does not say why, and it is not a test of one period against the one before.
/// </summary>
/// <param name="Direction"><c>"above"</c> or <c>"below"</c> its usual level.</param>
/// <param name="Since">The label of the period the change began (the monitor's change point).</param>
/// <param name="SignalledIn">The label of the period in which the evidence crossed the threshold.</param>
/// <param name="Usual">The usual level before the change, in points.</param>
/// <param name="Level">The score over the periods from <paramref name="Since"/> to <paramref name="SignalledIn"/>, in points.</param>
/// <param name="Count">The responses over those periods.</param>
public sealed record ChangeMark(string Direction, string Since, string SignalledIn, double Usual, double Level, long Count)
{
    /// <summary>The change in points: <see cref="Level"/> − <see cref="Usual"/>.</summary>
    public double Difference => Level - Usual;

    /// <summary>The mark in words, e.g. "below its usual level since 2026-W14 (−12.0 points: NPS 18.0 against 30.0)".</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Direction} its usual level since {Since} ({Difference:+0.0;−0.0} points: NPS {Level:0.0} against {Usual:0.0})");

    /// <inheritdoc />
    public override string ToString() => Summary;
}

using Nps.Segmentation;

namespace Nps.Serialization;

/// <summary>A lasting change of a score from its usual level (<see cref="ChangeMark"/>), in points.</summary>
/// <param name="Direction"><c>above</c> or <c>below</c>.</param>
/// <param name="Since">The period the change began.</param>
/// <param name="SignalledIn">The period the evidence crossed the threshold.</param>
/// <param name="Usual">The usual level before the change.</param>
/// <param name="Level">The score from <paramref name="Since"/> to <paramref name="SignalledIn"/>.</param>
/// <param name="Count">The responses over those periods.</param>
/// <param name="Difference"><paramref name="Level"/> − <paramref name="Usual"/>.</param>
/// <param name="Summary">The mark in words, e.g. "below its usual level since 2026-W14 (−12.0 points: NPS 18.0 against 30.0)".</param>
public sealed record ChangeMarkDocument(string Direction, string Since, string SignalledIn, double Usual, double Level, long Count, double Difference, string Summary)
{
    /// <summary>The document of a mark; null for none.</summary>
    /// <param name="mark">The mark, or null.</param>
    /// <returns>The document, or null.</returns>
    public static ChangeMarkDocument? From(ChangeMark? mark) => mark is null ? null
        : new ChangeMarkDocument(mark.Direction, mark.Since, mark.SignalledIn, mark.Usual, mark.Level, mark.Count, mark.Difference, mark.Summary);
}

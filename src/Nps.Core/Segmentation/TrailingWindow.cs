namespace Nps.Segmentation;

/// <summary>One trailing window: the responses of the local days <see cref="Start"/> to <see cref="End"/>, both included.</summary>
/// <param name="Start">The first local day of the window.</param>
/// <param name="End">The last local day of the window (the day the window is evaluated on).</param>
/// <param name="Distribution">The ratings in the window.</param>
public readonly record struct TrailingWindow(DateOnly Start, DateOnly End, NpsDistribution Distribution)
{
    /// <summary>The sample size.</summary>
    public long Count => Distribution.Count;

    /// <summary>The NPS in points; NaN when empty.</summary>
    public double Score => Distribution.Score;
}

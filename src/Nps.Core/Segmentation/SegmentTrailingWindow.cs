namespace Nps.Segmentation;

/// <summary>One segment's trailing window, from <see cref="NpsReport.TrailingWindows"/>: the local days <see cref="Start"/> to <see cref="End"/>.</summary>
public sealed record SegmentTrailingWindow
{
    /// <summary>The segment's dimension values (no <c>"period"</c>); empty for the whole population.</summary>
    public required IReadOnlyDictionary<string, string> Dimensions { get; init; }

    /// <summary>The window's days and ratings.</summary>
    public required TrailingWindow Window { get; init; }

    /// <summary>The confidence interval of the window's score (level and method of the report).</summary>
    public required NpsInterval Interval { get; init; }

    /// <summary>Whether the window's n reaches the report's minimum count.</summary>
    public required bool EnoughData { get; init; }

    /// <summary>The first local day of the window.</summary>
    public DateOnly Start => Window.Start;

    /// <summary>The last local day of the window (the day it is evaluated on).</summary>
    public DateOnly End => Window.End;

    /// <summary>The sample size.</summary>
    public long Count => Window.Count;

    /// <summary>The NPS in points; NaN when empty.</summary>
    public double Score => Window.Score;
}

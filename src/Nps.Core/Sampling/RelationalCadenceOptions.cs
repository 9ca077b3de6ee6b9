namespace Nps.Sampling;

/// <summary>
/// Relational surveys: each customer at most once per cycle, at a point of the cycle fixed per customer by the
/// keyed hash (so the base is spread evenly over the cycle, not asked in one calendar window).
/// </summary>
public sealed class RelationalCadenceOptions
{
    /// <summary>The cycle length in days (&gt; 0), e.g. 365.</summary>
    public int CycleDays { get; set; } = 365;
}

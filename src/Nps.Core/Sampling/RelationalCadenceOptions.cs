namespace Nps.Sampling;

/// <summary>
/// Relational surveys: each customer at most once per cycle, at a point of the cycle fixed per customer by the
/// keyed hash (so the base is spread evenly over the cycle, not asked in one calendar window), and never two
/// relational invitations closer together than <see cref="MinimumGapDays"/>.
/// </summary>
/// <remarks>
/// The first cycle begins at <see cref="SamplingOptions.Epoch"/>: a customer's first slot is the epoch plus their
/// offset, so a new program (its epoch set to its launch) spreads its first invitations over the first cycle
/// instead of inviting the whole base on day one. Before their first slot a customer is not due.
/// </remarks>
public sealed class RelationalCadenceOptions
{
    /// <summary>The cycle length in days (&gt; 0), e.g. 365.</summary>
    public int CycleDays { get; set; } = 365;

    /// <summary>
    /// The least time in days between two relational invitations of one customer (0 to <see cref="CycleDays"/>);
    /// null (the default) means half a cycle. Without it, a customer invited late in one cycle could be invited
    /// again at the start of their next slot, a day later.
    /// </summary>
    public int? MinimumGapDays { get; set; }
}

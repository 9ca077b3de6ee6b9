using System.Globalization;
namespace Nps.Sampling;

/// <summary>
/// Relational surveys: each customer at most once per cycle, at a point of the cycle fixed per customer by the
/// keyed hash (so the base is spread evenly over the cycle, not asked in one calendar window), first asked within
/// one cycle after the program first sees them, and never two relational invitations closer together than
/// <see cref="MinimumGapDays"/>.
/// </summary>
/// <remarks>
/// <para>A customer's slots form a grid: <see cref="SamplingOptions.Epoch"/> plus their keyed offset in [0, cycle),
/// plus whole cycles (<see cref="SurveyProgram.RelationalSlot"/>). The decision store records when the program first
/// saw the customer in a relational event (<see cref="IDecisionStore.FindFirstSeenAsync"/>: once, in the decision's
/// transaction, durable and shared by every instance), and the customer's first slot is the first grid slot at or
/// after that sighting (<see cref="SurveyProgram.FirstRelationalSlot"/>). Before it they are not due
/// (<c>relational-cadence</c>: "not yet due: first seen …, the first relational slot begins …").</para>
/// <para>Why this rule: customers first seen together — the whole base on launch day, or a batch imported later —
/// have offsets spread evenly over the cycle, so their first slots are spread evenly over the cycle that follows
/// the sighting, whatever the epoch and whenever the program is launched: no burst with the default epoch, no
/// configuration to get right. A launch instant alone would not do: customers seen later than their offset into the
/// cycle would all be due at once. The grid stays anchored at the epoch (as quota periods are), so a customer is
/// asked at the same point of every cycle, an epoch set to a later launch date still means "no one before their
/// slot after the epoch", and a program that already set its epoch keeps every customer's point in the cycle.
/// The decision is a function of the event, the clock, the history and the recorded first sighting, so the same
/// inputs give the same decision.</para>
/// </remarks>
public sealed record RelationalCadenceOptions : IValidatableOptions
{
    /// <summary>The cycle length in days (&gt; 0), e.g. 365.</summary>
    public int CycleDays { get; init; } = 365;

    /// <summary>
    /// The least time in days between two relational invitations of one customer (0 to <see cref="CycleDays"/>);
    /// null (the default) means half a cycle. Without it, a customer invited late in one cycle could be invited
    /// again at the start of their next slot, a day later.
    /// </summary>
    public int? MinimumGapDays { get; init; }

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Positive(path.Then(nameof(CycleDays)), CycleDays);
        if (MinimumGapDays is { } gap && (gap < 0 || gap > CycleDays))
        {
            errors.Add(path.Then(nameof(MinimumGapDays)), string.Create(CultureInfo.InvariantCulture, $"must be within [0, CycleDays] (it is {gap}; CycleDays is {CycleDays})."));
        }
    }
}

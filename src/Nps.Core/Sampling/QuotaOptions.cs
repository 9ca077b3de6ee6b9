namespace Nps.Sampling;

/// <summary>At most <see cref="MaxInvitations"/> invitations from one sampling policy per period of <see cref="PeriodDays"/> days.</summary>
public sealed record QuotaOptions : IValidatableOptions
{
    /// <summary>The most invitations per period (&gt; 0).</summary>
    public int MaxInvitations { get; init; }

    /// <summary>The period length in days (&gt; 0), counted from <see cref="SamplingOptions.Epoch"/>.</summary>
    public int PeriodDays { get; init; }

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Positive(path.Then(nameof(MaxInvitations)), MaxInvitations);
        errors.Positive(path.Then(nameof(PeriodDays)), PeriodDays);
    }
}

namespace Nps.Fatigue;

/// <summary>
/// One contact budget per customer shared by transactional and relational surveys: at most
/// <see cref="MaxContacts"/> invitations in any rolling window of <see cref="WindowDays"/> days, of which a part
/// is reserved for each kind, so neither kind can crowd out the other.
/// </summary>
public sealed record ContactBudgetOptions : IValidatableOptions
{
    /// <summary>The most invitations of both kinds together in the window (&gt; 0).</summary>
    public int MaxContacts { get; init; }

    /// <summary>The rolling window in days (&gt; 0).</summary>
    public int WindowDays { get; init; }

    /// <summary>Invitations that relational surveys cannot use: kept for transactional ones.</summary>
    public int ReservedForTransactional { get; init; }

    /// <summary>Invitations that transactional surveys cannot use: kept for relational ones.</summary>
    public int ReservedForRelational { get; init; }

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Positive(path.Then(nameof(MaxContacts)), MaxContacts);
        errors.Positive(path.Then(nameof(WindowDays)), WindowDays);
        errors.AtLeast(path.Then(nameof(ReservedForTransactional)), ReservedForTransactional, 0);
        errors.AtLeast(path.Then(nameof(ReservedForRelational)), ReservedForRelational, 0);
        if (ReservedForTransactional + ReservedForRelational > MaxContacts)
        {
            errors.Add(path, "ReservedForTransactional + ReservedForRelational must be <= MaxContacts.");
        }
    }
}

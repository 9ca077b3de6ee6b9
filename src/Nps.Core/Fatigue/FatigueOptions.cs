using Nps.Touchpoints;

namespace Nps.Fatigue;

/// <summary>The survey-fatigue rules of a survey program. Every rule is optional; empty lists mean no such rule.</summary>
public sealed record FatigueOptions : IValidatableOptions
{
    /// <summary>Cooldowns after invitations, responses, non-responses and follow-ups.</summary>
    public IReadOnlyList<CooldownOptions> Cooldowns { get; init; } = [];

    /// <summary>Caps on invitations per rolling window.</summary>
    public IReadOnlyList<FrequencyCapOptions> FrequencyCaps { get; init; } = [];

    /// <summary>No survey early in the relationship (off when <see langword="null"/>).</summary>
    public NewCustomerDelayOptions? NewCustomerDelay { get; init; }

    /// <summary>A contact that is itself a follow-up of earlier feedback never triggers a survey (default on).</summary>
    public bool SkipFollowUpContacts { get; init; } = true;

    /// <summary>No survey while the customer has a complaint open (default on).</summary>
    public bool SkipWhileComplaintOpen { get; init; } = true;

    /// <summary>Customers and e-mail domains never surveyed. Opt-outs live in the contact ledger.</summary>
    public ExclusionOptions Exclusions { get; init; } = new();

    /// <summary>Quiet hours and allowed days in the customer's time zone (off when <see langword="null"/>).</summary>
    public QuietHoursOptions? QuietHours { get; init; }

    /// <summary>The contact budget shared by transactional and relational surveys (off when <see langword="null"/>).</summary>
    public ContactBudgetOptions? ContactBudget { get; init; }

    /// <summary>Whether sent reminders count as invitations against frequency caps and the contact budget; <see langword="false"/> by default.</summary>
    public bool CountRemindersAgainstCaps { get; init; }

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var cooldowns = path.Then(nameof(Cooldowns));
        errors.Each(cooldowns, Cooldowns);
        for (var i = 0; i < (Cooldowns?.Count ?? 0); i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (Cooldowns![i] is { } rule && Cooldowns[j] is { } other && other.After == rule.After && other.HistoryKind == rule.HistoryKind && SurveyScopeCheck.Same(other.Scope, rule.Scope))
                {
                    errors.Add(cooldowns.At(i), $"contradicts {cooldowns.At(j)}: the same trigger and scope with {(other.Days == rule.Days ? "the same" : "a different")} length; keep one.");
                }
            }
        }

        var caps = path.Then(nameof(FrequencyCaps));
        errors.Each(caps, FrequencyCaps);
        for (var i = 0; i < (FrequencyCaps?.Count ?? 0); i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (FrequencyCaps![i] is { } rule && FrequencyCaps[j] is { } other && other.WindowDays == rule.WindowDays && other.HistoryKind == rule.HistoryKind && SurveyScopeCheck.Same(other.Scope, rule.Scope))
                {
                    errors.Add(caps.At(i), $"contradicts {caps.At(j)}: the same window and scope; keep one.");
                }
            }
        }

        NewCustomerDelay?.Validate(path.Then(nameof(NewCustomerDelay)), errors);
        errors.Nested(path.Then(nameof(Exclusions)), Exclusions);
        QuietHours?.Validate(path.Then(nameof(QuietHours)), errors);
        ContactBudget?.Validate(path.Then(nameof(ContactBudget)), errors);
    }
}

namespace Nps.Fatigue;

/// <summary>The survey-fatigue rules of a survey program. Every rule is optional; empty lists mean no such rule.</summary>
public sealed class FatigueOptions
{
    /// <summary>Cooldowns after invitations, responses, non-responses and follow-ups.</summary>
    public List<CooldownOptions> Cooldowns { get; set; } = [];

    /// <summary>Caps on invitations per rolling window.</summary>
    public List<FrequencyCapOptions> FrequencyCaps { get; set; } = [];

    /// <summary>No survey early in the relationship (off when <see langword="null"/>).</summary>
    public NewCustomerDelayOptions? NewCustomerDelay { get; set; }

    /// <summary>A contact that is itself a follow-up of earlier feedback never triggers a survey (default on).</summary>
    public bool SkipFollowUpContacts { get; set; } = true;

    /// <summary>No survey while the customer has a complaint open (default on).</summary>
    public bool SkipWhileComplaintOpen { get; set; } = true;

    /// <summary>Customers and e-mail domains never surveyed. Opt-outs live in the contact ledger.</summary>
    public ExclusionOptions Exclusions { get; set; } = new();

    /// <summary>Quiet hours and allowed days in the customer's time zone (off when <see langword="null"/>).</summary>
    public QuietHoursOptions? QuietHours { get; set; }

    /// <summary>The contact budget shared by transactional and relational surveys (off when <see langword="null"/>).</summary>
    public ContactBudgetOptions? ContactBudget { get; set; }

    /// <summary>Whether sent reminders count as invitations against frequency caps and the contact budget; <see langword="false"/> by default.</summary>
    public bool CountRemindersAgainstCaps { get; set; }
}

namespace Nps.Fatigue;

/// <summary>The rule names that appear in decisions and checks: stable, for logs, reports and alerts.</summary>
public static class FatigueRuleNames
{
    /// <summary>The event's customer is on the exclusion list.</summary>
    public const string ExcludedCustomer = "excluded-customer";

    /// <summary>The event's e-mail domain is excluded.</summary>
    public const string ExcludedEmailDomain = "excluded-email-domain";

    /// <summary>The contact is a follow-up of earlier feedback.</summary>
    public const string FollowUpContact = "follow-up-contact";

    /// <summary>The customer has a complaint open.</summary>
    public const string ComplaintOpen = "complaint-open";

    /// <summary>The relationship is younger than the new-customer delay.</summary>
    public const string NewCustomerDelay = "new-customer-delay";

    /// <summary>The customer opted out (in the ledger).</summary>
    public const string OptedOut = "opted-out";

    /// <summary>Cooldown after an invitation.</summary>
    public const string CooldownAfterInvitation = "cooldown-after-invitation";

    /// <summary>Cooldown after a response.</summary>
    public const string CooldownAfterResponse = "cooldown-after-response";

    /// <summary>Cooldown after an unanswered invitation.</summary>
    public const string CooldownAfterNonResponse = "cooldown-after-non-response";

    /// <summary>Cooldown after a follow-up contact.</summary>
    public const string CooldownAfterFollowUp = "cooldown-after-follow-up";

    /// <summary>Too many invitations in the rolling window.</summary>
    public const string FrequencyCap = "frequency-cap";

    /// <summary>The shared contact budget has no room for this survey kind.</summary>
    public const string ContactBudget = "contact-budget";

    /// <summary>Quiet hours in the customer's time zone (defers).</summary>
    public const string QuietHours = "quiet-hours";

    /// <summary>Not an allowed send day in the customer's time zone (defers).</summary>
    public const string AllowedDays = "allowed-days";

    /// <summary>Name of a cooldown rule by trigger.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The rule name.</returns>
    public static string Cooldown(CooldownTrigger trigger) => trigger switch
    {
        CooldownTrigger.Invitation => CooldownAfterInvitation,
        CooldownTrigger.Response => CooldownAfterResponse,
        CooldownTrigger.NonResponse => CooldownAfterNonResponse,
        CooldownTrigger.FollowUp => CooldownAfterFollowUp,
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Unknown cooldown trigger."),
    };
}

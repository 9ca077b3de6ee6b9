namespace Nps.Fatigue;

/// <summary>One eligibility rule applied to one event: its name, whether the event passed and why.</summary>
/// <param name="Rule">The rule's name, e.g. <c>cooldown-after-invitation</c>.</param>
/// <param name="Passed">Whether the event passed the rule.</param>
/// <param name="Detail">What the rule saw, for people.</param>
/// <param name="EligibleAgainAt">When the rule lets the customer through again, when it failed and that is known.</param>
public readonly record struct EligibilityCheck(string Rule, bool Passed, string Detail, DateTimeOffset? EligibleAgainAt = null);

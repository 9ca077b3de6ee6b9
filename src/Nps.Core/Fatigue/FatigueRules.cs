using System.Globalization;
using Nps.Sampling;
using Nps.Touchpoints;

namespace Nps.Fatigue;

/// <summary>
/// The fatigue rules of a program, compiled from validated <see cref="FatigueOptions"/> (copied, so later changes
/// to the options do not change a running program). Event rules need only the event; history rules need the
/// customer's ledger history and run inside the ledger's atomic check-and-record.
/// </summary>
internal sealed class FatigueRules
{
    private readonly CooldownOptions[] _cooldowns;
    private readonly FrequencyCapOptions[] _caps;
    private readonly NewCustomerDelayOptions? _newCustomerDelay;
    private readonly bool _skipFollowUps;
    private readonly bool _skipComplaints;
    private readonly HashSet<string> _excludedCustomers;
    private readonly string[] _excludedDomains;
    private readonly ContactBudgetOptions? _budget;
    private readonly bool _countReminders;

    public FatigueRules(FatigueOptions options)
    {
        _cooldowns = options.Cooldowns.Select(c => c with { Scope = c.Scope.Snapshot() }).ToArray();
        _caps = options.FrequencyCaps.Select(c => c with { Scope = c.Scope.Snapshot() }).ToArray();
        _newCustomerDelay = options.NewCustomerDelay is { } d ? d with { Scope = d.Scope.Snapshot() } : null;
        _skipFollowUps = options.SkipFollowUpContacts;
        _skipComplaints = options.SkipWhileComplaintOpen;
        _excludedCustomers = new HashSet<string>(options.Exclusions.CustomerIds, StringComparer.Ordinal);
        _excludedDomains = options.Exclusions.EmailDomains.Select(x => x.TrimStart('.').ToUpperInvariant()).ToArray();
        _budget = options.ContactBudget is { } b
            ? new ContactBudgetOptions { MaxContacts = b.MaxContacts, WindowDays = b.WindowDays, ReservedForRelational = b.ReservedForRelational, ReservedForTransactional = b.ReservedForTransactional }
            : null;
        QuietHours = options.QuietHours is { } q ? new QuietHoursRule(q) : null;
        _countReminders = options.CountRemindersAgainstCaps;
    }

    public QuietHoursRule? QuietHours { get; }

    // A reminder is a contact of its own kind; it counts against caps and the budget only when the options say so.
    private bool CountsAsInvitation(ContactRecord record) =>
        record.Kind == ContactKind.Invitation || (_countReminders && record.Kind == ContactKind.Reminder);

    /// <summary>The rules that need only the event.</summary>
    public void CheckEvent(TouchpointEvent e, DateTimeOffset now, List<EligibilityCheck> checks)
    {
        if (_excludedCustomers.Count > 0)
        {
            var excluded = _excludedCustomers.Contains(e.CustomerId);
            checks.Add(new(FatigueRuleNames.ExcludedCustomer, !excluded, excluded ? "the customer is on the exclusion list" : "not excluded"));
        }

        if (_excludedDomains.Length > 0 && e.EmailDomain is { } domain)
        {
            var hit = _excludedDomains.FirstOrDefault(x => IsDomainOrSubdomain(domain, x));
            checks.Add(new(FatigueRuleNames.ExcludedEmailDomain, hit is null,
                hit is null ? "e-mail domain not excluded" : $"e-mail domain {domain} is excluded"));
        }

        if (_skipFollowUps)
        {
            checks.Add(new(FatigueRuleNames.FollowUpContact, !e.IsFollowUp,
                e.IsFollowUp ? "the contact is a follow-up of earlier feedback (closing the loop)" : "not a follow-up contact"));
        }

        if (_skipComplaints)
        {
            checks.Add(new(FatigueRuleNames.ComplaintOpen, !e.IsComplaintOpen,
                e.IsComplaintOpen ? "the customer has a complaint open" : "no complaint open"));
        }

        if (_newCustomerDelay is { } delay && e.RelationshipStart is { } start && delay.Scope.Matches(e))
        {
            var until = start.AddDays(delay.Days);
            var passed = now >= until;
            checks.Add(new(FatigueRuleNames.NewCustomerDelay, passed,
                $"relationship started {Iso(start)}; {delay.Days}-day delay until {Iso(until)}", passed ? null : until));
        }
    }

    /// <summary>The rules that need the customer's history, for an invitation of the event's kind at <paramref name="now"/>.</summary>
    public void CheckHistory(TouchpointEvent e, ContactHistory history, DateTimeOffset now, List<EligibilityCheck> checks)
    {
        var optedOut = history.IsOptedOut;
        checks.Add(new(FatigueRuleNames.OptedOut, !optedOut, optedOut ? "the customer opted out of surveys" : "not opted out"));
        var records = history.Records;
        foreach (var cooldown in _cooldowns)
        {
            if (!cooldown.Scope.Matches(e)) continue;
            var rule = FatigueRuleNames.Cooldown(cooldown.After);
            var last = LastTrigger(records, cooldown.After, cooldown.HistoryKind, now);
            if (last is not { } at)
            {
                checks.Add(new(rule, true, "nothing on record starts this cooldown"));
                continue;
            }

            var until = at.AddDays(cooldown.Days);
            var passed = now >= until;
            checks.Add(new(rule, passed, $"{Describe(cooldown.After)} {Iso(at)}; {cooldown.Days}-day cooldown until {Iso(until)}", passed ? null : until));
        }

        foreach (var cap in _caps)
        {
            if (!cap.Scope.Matches(e)) continue;
            var windowStart = now.AddDays(-cap.WindowDays).UtcTicks;
            var inWindow = new List<long>();
            foreach (var record in records)
            {
                if (CountsAsInvitation(record) && record.UtcTicks > windowStart && Counts(record, cap.HistoryKind)) inWindow.Add(record.UtcTicks);
            }

            var passed = inWindow.Count < cap.MaxInvitations;
            DateTimeOffset? until = passed ? null : new DateTimeOffset(inWindow[inWindow.Count - cap.MaxInvitations], TimeSpan.Zero).AddDays(cap.WindowDays);
            checks.Add(new(FatigueRuleNames.FrequencyCap, passed,
                $"{inWindow.Count} of at most {cap.MaxInvitations} invitations in {cap.WindowDays} days", until));
        }

        if (_budget is { } budget) checks.Add(CheckBudget(budget, e.Kind, records, now));
    }

    private EligibilityCheck CheckBudget(ContactBudgetOptions budget, SurveyKind kind, ReadOnlySpan<ContactRecord> records, DateTimeOffset now)
    {
        var windowStart = now.AddDays(-budget.WindowDays).UtcTicks;
        var inWindow = new List<ContactRecord>();
        foreach (var record in records)
        {
            if (CountsAsInvitation(record) && record.UtcTicks > windowStart) inWindow.Add(record);
        }

        var otherReserve = kind == SurveyKind.Transactional ? budget.ReservedForRelational : budget.ReservedForTransactional;
        var used = Used(inWindow, 0);
        var passed = Fits(used);
        var detail = $"{used.Total} of {budget.MaxContacts} contacts in {budget.WindowDays} days ({used.Other} of the other kind, which has {otherReserve} reserved)";
        if (passed) return new(FatigueRuleNames.ContactBudget, true, detail);

        // Walk the window forward: the budget frees up as the oldest contacts leave it.
        for (var leaving = 0; leaving < inWindow.Count; leaving++)
        {
            if (Fits(Used(inWindow, leaving + 1)))
            {
                return new(FatigueRuleNames.ContactBudget, false, detail, inWindow[leaving].At.AddDays(budget.WindowDays));
            }
        }

        return new(FatigueRuleNames.ContactBudget, false, detail);

        (int Total, int Other) Used(List<ContactRecord> window, int skip)
        {
            var other = 0;
            for (var i = skip; i < window.Count; i++)
            {
                if (window[i].Survey != kind) other++;
            }

            return (window.Count - skip, other);
        }

        bool Fits((int Total, int Other) use) => use.Total + 1 + Math.Max(0, otherReserve - use.Other) <= budget.MaxContacts;
    }

    private static DateTimeOffset? LastTrigger(ReadOnlySpan<ContactRecord> records, CooldownTrigger trigger, SurveyKind? kind, DateTimeOffset now)
    {
        switch (trigger)
        {
            case CooldownTrigger.Invitation:
                // Scheduled (deferred) invitations count too: they are later than now and block until their end.
                return Last(records, ContactKind.Invitation, kind);
            case CooldownTrigger.Response:
                return Last(records, ContactKind.Response, kind);
            case CooldownTrigger.FollowUp:
                return Last(records, ContactKind.FollowUp, null);
            default:
                // The latest invitation already sent, if nothing answered it.
                for (var i = records.Length - 1; i >= 0; i--)
                {
                    var record = records[i];
                    if (record.Kind == ContactKind.Response && Counts(record, kind)) return null;
                    if (record.Kind == ContactKind.Invitation && record.At <= now && Counts(record, kind)) return record.At;
                }

                return null;
        }
    }

    private static DateTimeOffset? Last(ReadOnlySpan<ContactRecord> records, ContactKind contact, SurveyKind? kind)
    {
        for (var i = records.Length - 1; i >= 0; i--)
        {
            if (records[i].Kind == contact && Counts(records[i], kind)) return records[i].At;
        }

        return null;
    }

    private static bool Counts(ContactRecord record, SurveyKind? kind) => kind is null || record.Survey == kind;

    private static bool IsDomainOrSubdomain(string domain, string excludedUpper)
    {
        var upper = domain.Trim().TrimEnd('.').ToUpperInvariant();
        return upper == excludedUpper || upper.EndsWith("." + excludedUpper, StringComparison.Ordinal);
    }

    private static string Describe(CooldownTrigger trigger) => trigger switch
    {
        CooldownTrigger.Invitation => "invited",
        CooldownTrigger.Response => "responded",
        CooldownTrigger.NonResponse => "invited without response",
        _ => "followed up",
    };

    internal static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

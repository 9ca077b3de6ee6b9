using System.Globalization;
using Nps.Fatigue;
using Nps.Touchpoints;

namespace Nps.Sampling;

/// <summary>
/// Everything a <see cref="SurveyProgram"/> needs: the secret sampling key, the default time zone, the fatigue
/// rules and the sampling policies. A plain object model: bind it from configuration or JSON, build it in code;
/// <see cref="Validate"/> checks it in one place and the program refuses to start with any error.
/// </summary>
public sealed class SurveyProgramOptions
{
    /// <summary>The secret key of the keyed sampling hash, base64 (at least 16 bytes). Keep it out of source control.</summary>
    public string SamplingKey { get; set; } = "";

    /// <summary>The IANA time zone used when an event names none (default <c>UTC</c>).</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>The survey-fatigue rules.</summary>
    public FatigueOptions Fatigue { get; set; } = new();

    /// <summary>The sampling policies and cadence.</summary>
    public SamplingOptions Sampling { get; set; } = new();

    /// <summary>
    /// Every problem with these options, each naming its configuration path as <see cref="DataError.Field"/>
    /// (<c>Sampling:Policies:1:Rate</c>) and, where safe to show, the refused value (never the sampling key); empty when valid.
    /// </summary>
    /// <returns>The errors.</returns>
    public IReadOnlyList<DataError> Validate()
    {
        var errors = new List<DataError>();
        ValidateKey(errors);
        if (string.IsNullOrWhiteSpace(DefaultTimeZone)) errors.Add(new(0, "DefaultTimeZone", "must not be empty.", DefaultTimeZone));
        else if (!TimeZoneLookup.TryFind(DefaultTimeZone, out _)) errors.Add(new(0, "DefaultTimeZone", $"'{DefaultTimeZone}' is not a known time zone.", DefaultTimeZone));

        if (Fatigue is null) errors.Add(new(0, "Fatigue", "must not be null."));
        else ValidateFatigue(Fatigue, errors);
        if (Sampling is null) errors.Add(new(0, "Sampling", "must not be null."));
        else ValidateSampling(Sampling, errors);
        return errors;
    }

    private void ValidateKey(List<DataError> errors)
    {
        if (string.IsNullOrWhiteSpace(SamplingKey))
        {
            errors.Add(new(0, "SamplingKey", $"is required: a secret of at least {KeyedSampler.MinimumKeyLength} bytes, base64."));
            return;
        }

        var bytes = new byte[SamplingKey.Length];
        if (!Convert.TryFromBase64String(SamplingKey, bytes, out var length)) errors.Add(new(0, "SamplingKey", "must be base64."));
        else if (length < KeyedSampler.MinimumKeyLength)
        {
            errors.Add(new(0, "SamplingKey", $"must be at least {KeyedSampler.MinimumKeyLength} bytes (it is {length})."));
        }
    }

    private static void ValidateFatigue(FatigueOptions fatigue, List<DataError> errors)
    {
        NotNull(fatigue.Cooldowns, "Fatigue:Cooldowns", errors);
        NotNull(fatigue.FrequencyCaps, "Fatigue:FrequencyCaps", errors);
        NotNull(fatigue.Exclusions, "Fatigue:Exclusions", errors);
        NotNull(fatigue.Exclusions?.CustomerIds, "Fatigue:Exclusions:CustomerIds", errors, fatigue.Exclusions is null);
        NotNull(fatigue.Exclusions?.EmailDomains, "Fatigue:Exclusions:EmailDomains", errors, fatigue.Exclusions is null);
        if (fatigue.QuietHours is { } hours) NotNull(hours.AllowedDays, "Fatigue:QuietHours:AllowedDays", errors);
        for (var i = 0; i < (fatigue.Cooldowns?.Count ?? 0); i++)
        {
            var path = Item("Fatigue:Cooldowns", i);
            var rule = fatigue.Cooldowns![i];
            if (rule is null) { errors.Add(new(0, path, "must not be null.")); continue; }
            if (!Enum.IsDefined(rule.After)) errors.Add(new(0, path + ":After", $"'{rule.After}' is not a cooldown trigger.", rule.After.ToString()));
            Positive(rule.Days, path + ":Days", errors);
            ValidateScope(rule.Scope, path + ":Scope", errors);
            for (var j = 0; j < i; j++)
            {
                var other = fatigue.Cooldowns[j];
                if (other is not null && other.After == rule.After && other.HistoryKind == rule.HistoryKind && SameScope(other.Scope, rule.Scope))
                {
                    errors.Add(new(0, path, $"contradicts {Item("Fatigue:Cooldowns", j)}: the same trigger and scope with {(other.Days == rule.Days ? "the same" : "a different")} length; keep one."));
                }
            }
        }

        for (var i = 0; i < (fatigue.FrequencyCaps?.Count ?? 0); i++)
        {
            var path = Item("Fatigue:FrequencyCaps", i);
            var rule = fatigue.FrequencyCaps![i];
            if (rule is null) { errors.Add(new(0, path, "must not be null.")); continue; }
            Positive(rule.MaxInvitations, path + ":MaxInvitations", errors);
            Positive(rule.WindowDays, path + ":WindowDays", errors);
            ValidateScope(rule.Scope, path + ":Scope", errors);
            for (var j = 0; j < i; j++)
            {
                var other = fatigue.FrequencyCaps[j];
                if (other is not null && other.WindowDays == rule.WindowDays && other.HistoryKind == rule.HistoryKind && SameScope(other.Scope, rule.Scope))
                {
                    errors.Add(new(0, path, $"contradicts {Item("Fatigue:FrequencyCaps", j)}: the same window and scope; keep one."));
                }
            }
        }

        if (fatigue.NewCustomerDelay is { } delay)
        {
            Positive(delay.Days, "Fatigue:NewCustomerDelay:Days", errors);
            ValidateScope(delay.Scope, "Fatigue:NewCustomerDelay:Scope", errors);
        }

        var exclusions = fatigue.Exclusions;
        for (var i = 0; i < (exclusions?.CustomerIds?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(exclusions!.CustomerIds[i])) errors.Add(new(0, Item("Fatigue:Exclusions:CustomerIds", i), "must not be empty.", exclusions.CustomerIds[i]));
        }

        for (var i = 0; i < (exclusions?.EmailDomains?.Count ?? 0); i++)
        {
            var domain = exclusions!.EmailDomains[i];
            if (string.IsNullOrWhiteSpace(domain) || domain.Contains('@', StringComparison.Ordinal) || domain.Trim() != domain)
            {
                errors.Add(new(0, Item("Fatigue:Exclusions:EmailDomains", i), "must be a domain such as example.com (no '@', no spaces).", domain));
            }
        }

        if (fatigue.QuietHours is { } quiet)
        {
            if (quiet.Start == quiet.End)
            {
                errors.Add(new(0, "Fatigue:QuietHours", "Start and End must differ: equal times leave either no quiet time or no allowed time."));
            }

            for (var i = 0; i < (quiet.AllowedDays?.Count ?? 0); i++)
            {
                if (!Enum.IsDefined(quiet.AllowedDays![i])) errors.Add(new(0, Item("Fatigue:QuietHours:AllowedDays", i), "is not a day of the week.", quiet.AllowedDays[i].ToString()));
            }

            ValidateScope(quiet.Scope, "Fatigue:QuietHours:Scope", errors);
        }

        if (fatigue.ContactBudget is { } budget)
        {
            Positive(budget.MaxContacts, "Fatigue:ContactBudget:MaxContacts", errors);
            Positive(budget.WindowDays, "Fatigue:ContactBudget:WindowDays", errors);
            if (budget.ReservedForTransactional < 0) errors.Add(new(0, "Fatigue:ContactBudget:ReservedForTransactional", "must be >= 0.", Shown(budget.ReservedForTransactional)));
            if (budget.ReservedForRelational < 0) errors.Add(new(0, "Fatigue:ContactBudget:ReservedForRelational", "must be >= 0.", Shown(budget.ReservedForRelational)));
            if (budget.ReservedForTransactional + budget.ReservedForRelational > budget.MaxContacts)
            {
                errors.Add(new(0, "Fatigue:ContactBudget", "ReservedForTransactional + ReservedForRelational must be <= MaxContacts."));
            }
        }
    }

    private static void ValidateSampling(SamplingOptions sampling, List<DataError> errors)
    {
        NotNull(sampling.Policies, "Sampling:Policies", errors);
        NotNull(sampling.RelationalCadence, "Sampling:RelationalCadence", errors);
        var policies = sampling.Policies ?? [];
        if (sampling.Policies is { Count: 0 }) errors.Add(new(0, "Sampling:Policies", "must hold at least one policy: without one nobody is ever invited."));
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < policies.Count; i++)
        {
            var path = Item("Sampling:Policies", i);
            var policy = policies[i];
            if (policy is null) { errors.Add(new(0, path, "must not be null.")); continue; }
            if (string.IsNullOrWhiteSpace(policy.Name)) errors.Add(new(0, path + ":Name", "must not be empty.", policy.Name));
            else if (policy.Name == SurveyProgram.ManualPolicy) errors.Add(new(0, path + ":Name", $"'{SurveyProgram.ManualPolicy}' is reserved for manual invitations.", policy.Name));
            else if (names.TryGetValue(policy.Name, out var first)) errors.Add(new(0, path + ":Name", $"'{policy.Name}' is already used by {Item("Sampling:Policies", first)}.", policy.Name));
            else names[policy.Name] = i;
            if (!(policy.Rate is >= 0 and <= 1))
            {
                errors.Add(new(0, path + ":Rate", $"must be within [0, 1] (it is {Shown(policy.Rate)}).", Shown(policy.Rate)));
            }

            ValidateScope(policy.Scope, path + ":Scope", errors);
            if (policy.Quota is { } quota)
            {
                Positive(quota.MaxInvitations, path + ":Quota:MaxInvitations", errors);
                Positive(quota.PeriodDays, path + ":Quota:PeriodDays", errors);
            }

            for (var j = 0; j < i; j++)
            {
                var earlier = policies[j];
                if (earlier?.Scope is not null && policy.Scope is not null && earlier.Scope.Covers(policy.Scope))
                {
                    errors.Add(new(0, path, $"is never used: {Item("Sampling:Policies", j)} comes first and covers its scope ({policy.Scope}); put specific policies first."));
                    break;
                }
            }
        }

        if (sampling.RelationalCadence is { } cadence)
        {
            Positive(cadence.CycleDays, "Sampling:RelationalCadence:CycleDays", errors);
            if (cadence.MinimumGapDays is { } gap && (gap < 0 || gap > cadence.CycleDays))
            {
                errors.Add(new(0, "Sampling:RelationalCadence:MinimumGapDays", string.Create(CultureInfo.InvariantCulture,
                    $"must be within [0, CycleDays] (it is {gap}; CycleDays is {cadence.CycleDays})."), Shown(gap)));
            }
        }
    }

    private static void ValidateScope(SurveyScope? scope, string path, List<DataError> errors)
    {
        if (scope is null) { errors.Add(new(0, path, "must not be null.")); return; }
        if (scope.Kind is { } kind && !Enum.IsDefined(kind)) errors.Add(new(0, path + ":Kind", $"'{kind}' is not a survey kind.", kind.ToString()));
        NotBlank(scope.Touchpoint, path + ":Touchpoint", errors);
        NotBlank(scope.Channel, path + ":Channel", errors);
        NotBlank(scope.Team, path + ":Team", errors);
        NotBlank(scope.Product, path + ":Product", errors);
        NotNull(scope.Attributes, path + ":Attributes", errors);
        foreach (var key in (scope.Attributes ?? []).Keys)
        {
            if (string.IsNullOrWhiteSpace(key)) errors.Add(new(0, path + ":Attributes", "keys must not be empty.", key));
        }
    }

    private static bool SameScope(SurveyScope? a, SurveyScope? b) => a is not null && b is not null && a.Covers(b) && b.Covers(a);

    private static void NotBlank(string? value, string path, List<DataError> errors)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value)) errors.Add(new(0, path, "must not be empty when set.", value));
    }

    private static void NotNull(object? value, string path, List<DataError> errors, bool parentMissing = false)
    {
        if (value is null && !parentMissing) errors.Add(new(0, path, "must not be null."));
    }

    private static void Positive(int value, string path, List<DataError> errors)
    {
        if (value <= 0) errors.Add(new(0, path, "must be > 0.", Shown(value)));
    }

    // The path configuration binding uses for a list element (Sampling:Policies:1), so an error names the key to fix.
    private static string Item(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}:{index}");

    private static string Shown(double value) => value.ToString(CultureInfo.InvariantCulture);
}

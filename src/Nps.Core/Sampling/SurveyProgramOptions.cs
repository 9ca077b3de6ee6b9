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

    /// <summary>Every problem with these options, each starting with its option path; empty when valid.</summary>
    /// <returns>The errors.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        ValidateKey(errors);
        if (string.IsNullOrWhiteSpace(DefaultTimeZone)) errors.Add("DefaultTimeZone must not be empty.");
        else if (!TimeZoneLookup.TryFind(DefaultTimeZone, out _)) errors.Add($"DefaultTimeZone '{DefaultTimeZone}' is not a known time zone.");

        if (Fatigue is null) errors.Add("Fatigue must not be null.");
        else ValidateFatigue(Fatigue, errors);
        if (Sampling is null) errors.Add("Sampling must not be null.");
        else ValidateSampling(Sampling, errors);
        return errors;
    }

    private void ValidateKey(List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(SamplingKey))
        {
            errors.Add($"SamplingKey is required: a secret of at least {KeyedSampler.MinimumKeyLength} bytes, base64.");
            return;
        }

        var bytes = new byte[SamplingKey.Length];
        if (!Convert.TryFromBase64String(SamplingKey, bytes, out var length)) errors.Add("SamplingKey must be base64.");
        else if (length < KeyedSampler.MinimumKeyLength)
        {
            errors.Add($"SamplingKey must be at least {KeyedSampler.MinimumKeyLength} bytes (it is {length}).");
        }
    }

    private static void ValidateFatigue(FatigueOptions fatigue, List<string> errors)
    {
        NotNull(fatigue.Cooldowns, "Fatigue:Cooldowns", errors);
        NotNull(fatigue.FrequencyCaps, "Fatigue:FrequencyCaps", errors);
        NotNull(fatigue.Exclusions, "Fatigue:Exclusions", errors);
        NotNull(fatigue.Exclusions?.CustomerIds, "Fatigue:Exclusions:CustomerIds", errors, fatigue.Exclusions is null);
        NotNull(fatigue.Exclusions?.EmailDomains, "Fatigue:Exclusions:EmailDomains", errors, fatigue.Exclusions is null);
        if (fatigue.QuietHours is { } hours) NotNull(hours.AllowedDays, "Fatigue:QuietHours:AllowedDays", errors);
        for (var i = 0; i < (fatigue.Cooldowns?.Count ?? 0); i++)
        {
            var path = $"Fatigue:Cooldowns[{i}]";
            var rule = fatigue.Cooldowns![i];
            if (rule is null) { errors.Add(path + " must not be null."); continue; }
            if (!Enum.IsDefined(rule.After)) errors.Add($"{path}:After '{rule.After}' is not a cooldown trigger.");
            Positive(rule.Days, path + ":Days", errors);
            ValidateScope(rule.Scope, path + ":Scope", errors);
            for (var j = 0; j < i; j++)
            {
                var other = fatigue.Cooldowns[j];
                if (other is not null && other.After == rule.After && other.HistoryKind == rule.HistoryKind && SameScope(other.Scope, rule.Scope))
                {
                    errors.Add($"{path} contradicts Fatigue:Cooldowns[{j}]: the same trigger and scope with {(other.Days == rule.Days ? "the same" : "a different")} length; keep one.");
                }
            }
        }

        for (var i = 0; i < (fatigue.FrequencyCaps?.Count ?? 0); i++)
        {
            var path = $"Fatigue:FrequencyCaps[{i}]";
            var rule = fatigue.FrequencyCaps![i];
            if (rule is null) { errors.Add(path + " must not be null."); continue; }
            Positive(rule.MaxInvitations, path + ":MaxInvitations", errors);
            Positive(rule.WindowDays, path + ":WindowDays", errors);
            ValidateScope(rule.Scope, path + ":Scope", errors);
            for (var j = 0; j < i; j++)
            {
                var other = fatigue.FrequencyCaps[j];
                if (other is not null && other.WindowDays == rule.WindowDays && other.HistoryKind == rule.HistoryKind && SameScope(other.Scope, rule.Scope))
                {
                    errors.Add($"{path} contradicts Fatigue:FrequencyCaps[{j}]: the same window and scope; keep one.");
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
            if (string.IsNullOrWhiteSpace(exclusions!.CustomerIds[i])) errors.Add($"Fatigue:Exclusions:CustomerIds[{i}] must not be empty.");
        }

        for (var i = 0; i < (exclusions?.EmailDomains?.Count ?? 0); i++)
        {
            var domain = exclusions!.EmailDomains[i];
            if (string.IsNullOrWhiteSpace(domain) || domain.Contains('@', StringComparison.Ordinal) || domain.Trim() != domain)
            {
                errors.Add($"Fatigue:Exclusions:EmailDomains[{i}] must be a domain such as example.com (no '@', no spaces).");
            }
        }

        if (fatigue.QuietHours is { } quiet)
        {
            if (quiet.Start == quiet.End)
            {
                errors.Add("Fatigue:QuietHours:Start and End must differ: equal times leave either no quiet time or no allowed time.");
            }

            for (var i = 0; i < (quiet.AllowedDays?.Count ?? 0); i++)
            {
                if (!Enum.IsDefined(quiet.AllowedDays![i])) errors.Add($"Fatigue:QuietHours:AllowedDays[{i}] is not a day of the week.");
            }

            ValidateScope(quiet.Scope, "Fatigue:QuietHours:Scope", errors);
        }

        if (fatigue.ContactBudget is { } budget)
        {
            Positive(budget.MaxContacts, "Fatigue:ContactBudget:MaxContacts", errors);
            Positive(budget.WindowDays, "Fatigue:ContactBudget:WindowDays", errors);
            if (budget.ReservedForTransactional < 0) errors.Add("Fatigue:ContactBudget:ReservedForTransactional must be >= 0.");
            if (budget.ReservedForRelational < 0) errors.Add("Fatigue:ContactBudget:ReservedForRelational must be >= 0.");
            if (budget.ReservedForTransactional + budget.ReservedForRelational > budget.MaxContacts)
            {
                errors.Add("Fatigue:ContactBudget: ReservedForTransactional + ReservedForRelational must be <= MaxContacts.");
            }
        }
    }

    private static void ValidateSampling(SamplingOptions sampling, List<string> errors)
    {
        NotNull(sampling.Policies, "Sampling:Policies", errors);
        NotNull(sampling.RelationalCadence, "Sampling:RelationalCadence", errors);
        var policies = sampling.Policies ?? [];
        if (sampling.Policies is { Count: 0 }) errors.Add("Sampling:Policies must hold at least one policy: without one nobody is ever invited.");
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < policies.Count; i++)
        {
            var path = $"Sampling:Policies[{i}]";
            var policy = policies[i];
            if (policy is null) { errors.Add(path + " must not be null."); continue; }
            if (string.IsNullOrWhiteSpace(policy.Name)) errors.Add(path + ":Name must not be empty.");
            else if (policy.Name == SurveyProgram.ManualPolicy) errors.Add($"{path}:Name '{SurveyProgram.ManualPolicy}' is reserved for manual invitations.");
            else if (names.TryGetValue(policy.Name, out var first)) errors.Add($"{path}:Name '{policy.Name}' is already used by Sampling:Policies[{first}].");
            else names[policy.Name] = i;
            if (!(policy.Rate is >= 0 and <= 1))
            {
                errors.Add($"{path}:Rate must be within [0, 1] (it is {policy.Rate.ToString(CultureInfo.InvariantCulture)}).");
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
                    errors.Add($"{path} is never used: Sampling:Policies[{j}] comes first and covers its scope ({policy.Scope}); put specific policies first.");
                    break;
                }
            }
        }

        if (sampling.RelationalCadence is { } cadence)
        {
            Positive(cadence.CycleDays, "Sampling:RelationalCadence:CycleDays", errors);
            if (cadence.MinimumGapDays is { } gap && (gap < 0 || gap > cadence.CycleDays))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Sampling:RelationalCadence:MinimumGapDays must be within [0, CycleDays] (it is {gap}; CycleDays is {cadence.CycleDays})."));
            }
        }
    }

    private static void ValidateScope(SurveyScope? scope, string path, List<string> errors)
    {
        if (scope is null) { errors.Add(path + " must not be null."); return; }
        if (scope.Kind is { } kind && !Enum.IsDefined(kind)) errors.Add($"{path}:Kind '{kind}' is not a survey kind.");
        NotBlank(scope.Touchpoint, path + ":Touchpoint", errors);
        NotBlank(scope.Channel, path + ":Channel", errors);
        NotBlank(scope.Team, path + ":Team", errors);
        NotBlank(scope.Product, path + ":Product", errors);
        NotNull(scope.Attributes, path + ":Attributes", errors);
        foreach (var key in (scope.Attributes ?? []).Keys)
        {
            if (string.IsNullOrWhiteSpace(key)) errors.Add(path + ":Attributes keys must not be empty.");
        }
    }

    private static bool SameScope(SurveyScope? a, SurveyScope? b) => a is not null && b is not null && a.Covers(b) && b.Covers(a);

    private static void NotBlank(string? value, string path, List<string> errors)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value)) errors.Add(path + " must not be empty when set.");
    }

    private static void NotNull(object? value, string path, List<string> errors, bool parentMissing = false)
    {
        if (value is null && !parentMissing) errors.Add(path + " must not be null.");
    }

    private static void Positive(int value, string path, List<string> errors)
    {
        if (value <= 0) errors.Add(path + " must be > 0.");
    }
}

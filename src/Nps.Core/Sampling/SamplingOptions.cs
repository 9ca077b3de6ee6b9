namespace Nps.Sampling;

/// <summary>How eligible events are sampled.</summary>
public sealed record SamplingOptions : IValidatableOptions
{
    /// <summary>The sampling policies (strata), tried in order: put specific scopes before broad ones.</summary>
    public IReadOnlyList<SamplingPolicyOptions> Policies { get; init; } = [];

    /// <summary>The cadence of relational surveys.</summary>
    public RelationalCadenceOptions RelationalCadence { get; init; } = new();

    /// <summary>
    /// The anchor of quota periods and of each customer's grid of relational slots (default Monday 2024-01-01
    /// 00:00 UTC). It need not be the launch date: a customer's first relational slot counts from when the program
    /// first sees them (see <see cref="RelationalCadenceOptions"/>); an epoch later than that sighting delays the
    /// first slot to the epoch plus the customer's offset.
    /// </summary>
    public DateTimeOffset Epoch { get; init; } = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var policiesPath = path.Then(nameof(Policies));
        errors.Each(policiesPath, Policies);
        errors.Nested(path.Then(nameof(RelationalCadence)), RelationalCadence);
        if (Policies is null) return;
        if (Policies.Count == 0) errors.Add(policiesPath, "must hold at least one policy: without one nobody is ever invited.");
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Policies.Count; i++)
        {
            if (Policies[i] is not { } policy) continue;
            if (!string.IsNullOrWhiteSpace(policy.Name) && !names.TryAdd(policy.Name, i))
            {
                errors.Add(policiesPath.At(i).Then(nameof(SamplingPolicyOptions.Name)), $"'{policy.Name}' is already used by {policiesPath.At(names[policy.Name])}.");
            }

            for (var j = 0; j < i; j++)
            {
                if (Policies[j]?.Scope is { } earlier && policy.Scope is not null && earlier.Covers(policy.Scope))
                {
                    errors.Add(policiesPath.At(i), $"is never used: {policiesPath.At(j)} comes first and covers its scope ({policy.Scope}); put specific policies first.");
                    break;
                }
            }
        }
    }
}

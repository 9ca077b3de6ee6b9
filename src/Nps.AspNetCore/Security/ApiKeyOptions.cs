namespace Nps.AspNetCore.Security;

/// <summary>
/// The API keys the service accepts, bound from <c>Authentication:ApiKeys</c>. Checks itself
/// (<see cref="IValidatableOptions"/>, at the path <c>Authentication</c>); whether the keys are good enough for the
/// environment (none at all, Development keys, short keys) is checked at start-up by <c>AddNpsApiKeys</c>.
/// </summary>
public sealed record ApiKeyOptions : IValidatableOptions
{
    /// <summary>The configuration section the keys are bound from.</summary>
    public const string Section = "Authentication";

    /// <summary>The shortest key accepted outside Development.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>The keys appsettings.Development.json ships (<c>survey-dev-key</c>, <c>analyst-dev-key</c>); refused outside Development.</summary>
    public static IReadOnlyList<string> DevelopmentKeys { get; } = ["survey-dev-key", "analyst-dev-key"];

    /// <summary>The accepted keys; outside Development at least one is required (or JWT bearer authentication).</summary>
    public IReadOnlyList<ApiKey> ApiKeys { get; init; } = [];

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var keys = path.Then(nameof(ApiKeys));
        if (ApiKeys is null)
        {
            errors.Add(keys, "must not be null.");
            return;
        }

        for (var i = 0; i < ApiKeys.Count; i++)
        {
            var at = keys.At(i);
            if (ApiKeys[i] is not { } key)
            {
                errors.Add(at, "must not be null.");
                continue;
            }

            errors.NotBlank(at.Then(nameof(ApiKey.Name)), key.Name);
            errors.NotBlank(at.Then(nameof(ApiKey.Key)), key.Key);
            if (!NpsRoles.All.Contains(key.Role)) errors.Add(at.Then(nameof(ApiKey.Role)), $"must be survey, analyst or privacy (it is '{key.Role}').", key.Role ?? "");
        }

        // The key itself is a secret: the error names the list, not the value.
        if (ApiKeys.Where(k => !string.IsNullOrEmpty(k?.Key)).GroupBy(k => k!.Key, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            errors.Add(keys, "holds the same key twice.");
        }
    }
}

using Microsoft.Extensions.Options;

namespace Nps.AspNetCore.Security;

/// <summary>
/// Checks the configured keys when the host starts. Development may run with the shipped keys
/// (<c>survey-dev-key</c>, <c>analyst-dev-key</c>); any other environment needs keys of its own, or none at all while
/// JWT bearer authentication (<c>Authentication:Jwt</c>) is configured.
/// </summary>
public sealed class ApiKeyOptionsValidator(IHostEnvironment environment, IOptions<JwtOptions> jwt) : IValidateOptions<ApiKeyOptions>
{
    /// <summary>The keys appsettings.Development.json ships; refused outside Development.</summary>
    public static IReadOnlyList<string> DevelopmentKeys { get; } = ["survey-dev-key", "analyst-dev-key"];

    /// <summary>The shortest key accepted outside Development.</summary>
    public const int MinimumKeyLength = 16;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var development = environment.IsDevelopment();
        var errors = new List<string>();
        if (options.ApiKeys.Count == 0 && !jwt.Value.IsConfigured)
        {
            errors.Add($"Authentication:ApiKeys is empty: the '{environment.EnvironmentName}' environment needs API keys configured " +
                "(Authentication:ApiKeys:0:Name, :Key and :Role = survey, analyst or privacy) or JWT bearer authentication (Authentication:Jwt).");
        }

        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            var path = $"Authentication:ApiKeys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name)) errors.Add($"{path}:Name is required.");
            if (!NpsRoles.All.Contains(key.Role)) errors.Add($"{path}:Role must be survey, analyst or privacy (it is '{key.Role}').");
            if (string.IsNullOrWhiteSpace(key.Key)) errors.Add($"{path}:Key is required.");
            else if (!development && DevelopmentKeys.Contains(key.Key))
            {
                errors.Add($"{path}:Key is a Development key; the '{environment.EnvironmentName}' environment needs keys of its own.");
            }
            else if (!development && key.Key.Length < MinimumKeyLength)
            {
                errors.Add($"{path}:Key must be at least {MinimumKeyLength} characters outside Development (it is {key.Key.Length}).");
            }
        }

        if (options.ApiKeys.Where(k => !string.IsNullOrEmpty(k.Key)).GroupBy(k => k.Key, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            errors.Add("Authentication:ApiKeys holds the same key twice.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

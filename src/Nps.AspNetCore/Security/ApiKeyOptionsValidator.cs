using Nps.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Nps.AspNetCore.Security;

/// <summary>
/// <see cref="ApiKeyOptions"/>' own check at <c>Authentication</c>, then what depends on the host: Development may
/// run with the shipped keys (<see cref="ApiKeyOptions.DevelopmentKeys"/>); any other environment needs keys of its
/// own, at least <see cref="ApiKeyOptions.MinimumKeyLength"/> long, or none at all while JWT bearer authentication
/// (<c>Authentication:Jwt</c>) is configured.
/// </summary>
internal sealed class ApiKeyOptionsValidator(IHostEnvironment environment, IOptions<JwtOptions> jwt)
    : EnvironmentOptionsValidator<ApiKeyOptions>(new OptionsPath(ApiKeyOptions.Section))
{
    protected override void Check(ApiKeyOptions options, OptionsPath path, List<DataError> errors)
    {
        options.Validate(path, errors);
        var keys = path.Then(nameof(ApiKeyOptions.ApiKeys));
        if (options.ApiKeys is not { } list) return;
        if (list.Count == 0 && !jwt.Value.IsConfigured)
        {
            errors.Add(keys, $"is empty: the '{environment.EnvironmentName}' environment needs API keys configured " +
                $"(ApiKeys:0:Name, :Key and :Role = survey, analyst or privacy) or JWT bearer authentication ({JwtOptions.Section}).");
        }

        if (environment.IsDevelopment()) return;
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i]?.Key is not { Length: > 0 } key || string.IsNullOrWhiteSpace(key)) continue;
            var at = keys.At(i).Then(nameof(ApiKey.Key));
            if (ApiKeyOptions.DevelopmentKeys.Contains(key))
            {
                errors.Add(at, $"is a Development key; the '{environment.EnvironmentName}' environment needs keys of its own.");
            }
            else if (key.Length < ApiKeyOptions.MinimumKeyLength)
            {
                errors.Add(at, $"must be at least {ApiKeyOptions.MinimumKeyLength} characters outside Development (it is {key.Length}).");
            }
        }
    }
}

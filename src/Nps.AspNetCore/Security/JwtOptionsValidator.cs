using Nps.AspNetCore.Hosting;

namespace Nps.AspNetCore.Security;

/// <summary>
/// <see cref="JwtOptions"/>' own check at <c>Authentication:Jwt</c>, then what depends on the host: outside
/// Development the identity provider's addresses must use https, or the signing keys would be fetched over plain http.
/// </summary>
internal sealed class JwtOptionsValidator(IHostEnvironment environment) : EnvironmentOptionsValidator<JwtOptions>(new OptionsPath(JwtOptions.Section))
{
    protected override void Check(JwtOptions options, OptionsPath path, List<DataError> errors)
    {
        options.Validate(path, errors);
        if (!options.IsConfigured || environment.IsDevelopment()) return;
        foreach (var (at, url) in options.Urls(path).Where(u => u.Url.Scheme == "http"))
        {
            errors.Add(at, $"must use https outside Development; the '{environment.EnvironmentName}' environment would fetch signing keys over plain http (it is '{url.OriginalString}').", url.OriginalString);
        }
    }
}

using Microsoft.Extensions.Options;

namespace Nps.Samples.AspNet.Hosting;

/// <summary>
/// Refuses to start outside Development while <c>Nps:SamplingKey</c> is the sample key this repository publishes:
/// with a public key anyone can predict who will be surveyed.
/// </summary>
public sealed class SampleKeyGuard(IHostEnvironment environment) : IValidateOptions<NpsOptions>
{
    /// <summary>The sampling key in appsettings.Development.json and samples/data/program.json.</summary>
    public const string SampleSamplingKey = "ZGVtby1rZXktbm90LWZvci1wcm9kdWN0aW9uLXVzZQ==";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, NpsOptions options) =>
        !environment.IsDevelopment() && options.SamplingKey.Trim() == SampleSamplingKey
            ? ValidateOptionsResult.Fail(
                $"Nps:SamplingKey is the published sample key; the '{environment.EnvironmentName}' environment needs a secret key of its own " +
                "(at least 16 random bytes, base64, e.g. from Nps__SamplingKey).")
            : ValidateOptionsResult.Success;
}

using Microsoft.Extensions.DependencyInjection;

namespace Nps;

/// <summary>Registers Nps.Core services in an <see cref="IServiceCollection"/>.</summary>
public static class NpsServiceCollectionExtensions
{
    /// <summary>Registers the services of Nps.Core (placeholder until the embedding issue lands).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddNps(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services;
    }
}

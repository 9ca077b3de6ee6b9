using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nps.Stores;

namespace Nps.PostgreSql;

/// <summary>Registers every Nps store on one PostgreSQL database.</summary>
public static class PostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PostgreSqlNpsStores"/> and its ledger, decision, response, follow-up and invitation stores and report
    /// counter as singletons (before <c>AddNps</c>, which adds in-memory stores only where none is registered). The
    /// schema is migrated when the stores are first resolved.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="connectionString">Reads the Npgsql connection string when the stores are first needed.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddNpsPostgreSql(this IServiceCollection services, Func<IServiceProvider, string> connectionString)
    {
        StoreServices.AddStores(services, connectionString, (text, logs) => PostgreSqlNpsStores.OpenAsync(text, logs).GetAwaiter().GetResult());
        services.TryAddSingleton(provider => provider.GetRequiredService<PostgreSqlNpsStores>().Counter);
        return services;
    }
}

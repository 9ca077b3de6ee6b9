using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;
using Nps.Sampling;
using Nps.Segmentation;

namespace Nps.PostgreSql;

/// <summary>Registers every Nps store on one PostgreSQL database.</summary>
public static class PostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="NpsPostgreSqlStores"/> and its ledger, decision, response, follow-up and invitation stores and report
    /// counter as singletons (before <c>AddNps</c>, which adds in-memory stores only where none is registered). The
    /// schema is migrated when the stores are first resolved.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="connectionString">Reads the Npgsql connection string when the stores are first needed.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddNpsPostgreSql(this IServiceCollection services, Func<IServiceProvider, string> connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(connectionString);
        services.TryAddSingleton(provider => NpsPostgreSqlStores.OpenAsync(connectionString(provider), provider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()).GetAwaiter().GetResult());
        services.TryAddSingleton<IContactLedger>(provider => provider.GetRequiredService<NpsPostgreSqlStores>().Ledger);
        services.TryAddSingleton(provider => provider.GetRequiredService<NpsPostgreSqlStores>().Decisions);
        services.TryAddSingleton(provider => provider.GetRequiredService<NpsPostgreSqlStores>().Responses);
        services.TryAddSingleton(provider => provider.GetRequiredService<NpsPostgreSqlStores>().FollowUps);
        services.TryAddSingleton(provider => provider.GetRequiredService<NpsPostgreSqlStores>().Invitations);
        services.TryAddSingleton(provider => provider.GetRequiredService<NpsPostgreSqlStores>().Eraser);
        services.TryAddSingleton(provider => provider.GetRequiredService<NpsPostgreSqlStores>().Retention);
        services.TryAddSingleton(provider => provider.GetRequiredService<NpsPostgreSqlStores>().Counter);
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

// Compiled into Nps.Sqlite and Nps.PostgreSql (linked source, internal in each).
namespace Nps.Stores;

/// <summary>How both relational stores register: one stores object, opened when first needed, and each of its stores as a singleton.</summary>
internal static class StoreServices
{
    /// <summary>
    /// Registers the stores object (opened on the connection string read when it is first resolved, logging to the host's
    /// logger factory if there is one) and its stores, each only where none is registered yet.
    /// </summary>
    public static IServiceCollection AddStores<TStores>(IServiceCollection services, Func<IServiceProvider, string> connectionString,
        Func<string, ILoggerFactory?, TStores> open)
        where TStores : class, INpsStoreSet
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(connectionString);
        services.TryAddSingleton(provider => open(connectionString(provider), provider.GetService<ILoggerFactory>()));
        services.TryAddSingleton(provider => provider.GetRequiredService<TStores>().Ledger);
        services.TryAddSingleton(provider => provider.GetRequiredService<TStores>().Decisions);
        services.TryAddSingleton(provider => provider.GetRequiredService<TStores>().Responses);
        services.TryAddSingleton(provider => provider.GetRequiredService<TStores>().FollowUps);
        services.TryAddSingleton(provider => provider.GetRequiredService<TStores>().Invitations);
        services.TryAddSingleton(provider => provider.GetRequiredService<TStores>().Eraser);
        services.TryAddSingleton(provider => provider.GetRequiredService<TStores>().Retention);
        return services;
    }
}

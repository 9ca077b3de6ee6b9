using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;
using Nps.Sampling;
using Nps.Stores;

namespace Nps.Sqlite;

/// <summary>Registers the SQLite stores as the Nps stores of a service collection (call before <c>AddNps</c>).</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteNpsStores"/> on one file as <see cref="IContactLedger"/>, <see cref="IDecisionStore"/>,
    /// <see cref="IResponseStore"/>, <see cref="IFollowUpStore"/> and <see cref="Delivery.IInvitationStore"/>. The connection string is read when the stores are
    /// first needed (so a host or test can still change configuration); the schema is created then.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">Returns the connection string, e.g. from <c>ConnectionStrings:Nps</c>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddNpsSqlite(this IServiceCollection services, Func<IServiceProvider, string> connectionString)
    {
        StoreServices.AddStores(services, connectionString, (text, logs) => new SqliteNpsStores(text, logs));
        services.TryAddSingleton<Segmentation.INpsCountSource>(provider => new Reporting.SqliteResponseCounter(provider.GetRequiredService<SqliteNpsStores>().Database));
        return services;
    }

    /// <summary>Registers the SQLite stores on one file (see the overload taking a factory).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=nps.db</c>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddNpsSqlite(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return services.AddNpsSqlite(_ => connectionString);
    }
}

using Nps.PostgreSql;
using Nps.Sqlite;

namespace Nps.Samples.AspNet;

/// <summary>
/// Chooses the stores by configuration: <c>Nps:Store</c> = <c>sqlite</c> (the default: one embedded file from
/// <c>ConnectionStrings:Nps</c>) or another store package's name. Each store package registers every store with
/// one extension method (<c>AddNpsSqlite</c>, ...); this is the one place the sample picks one.
/// </summary>
internal static class NpsStoreRegistration
{
    public static IServiceCollection AddNpsStore(this IServiceCollection services, IConfiguration configuration)
    {
        var store = configuration["Nps:Store"]?.Trim() is { Length: > 0 } name ? name : "sqlite";
        switch (store.ToUpperInvariant())
        {
            case "SQLITE":
                // Read when first needed, so hosts and tests can still override the connection string.
                return services.AddNpsSqlite(provider => provider.GetRequiredService<IConfiguration>().GetConnectionString("Nps") ?? "Data Source=nps.db");
            case "POSTGRESQL":
                return services.AddNpsPostgreSql(provider => provider.GetRequiredService<IConfiguration>().GetConnectionString("Nps")
                    ?? throw new InvalidOperationException("Nps:Store is postgresql, so ConnectionStrings:Nps must name the PostgreSQL database."));
            default:
                throw new InvalidOperationException($"Nps:Store '{store}' is not a known store; use sqlite or postgresql.");
        }
    }
}

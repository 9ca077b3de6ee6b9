using Nps.FollowUp;
using Nps.Intake;
using Nps.PostgreSql.Reporting;
using Nps.Sampling;
using Nps.Segmentation;
using Nps.Stores;

namespace Nps.PostgreSql;

/// <summary>Every store on one PostgreSQL database, as one service instance uses them (migrated when opened).</summary>
public sealed class PostgreSqlNpsStores : IAsyncDisposable, INpsStoreSet
{
    private PostgreSqlNpsStores(PostgreSqlNpsDatabase database)
    {
        Database = database;
        Decisions = new PostgreSqlDecisionStore(database);
        Responses = new PostgreSqlResponseStore(database);
        FollowUps = new PostgreSqlFollowUpStore(database);
        Counter = new PostgreSqlResponseCounter(database);
        Invitations = new PostgreSqlInvitationStore(database);
        Eraser = new PostgreSqlCustomerEraser(database);
        Retention = new PostgreSqlRetentionStore(database);
    }

    /// <summary>The outbox: invitations created by the decisions, answered by the responses.</summary>
    public Delivery.IInvitationStore Invitations { get; }

    /// <summary>Erasure of a customer from every table (with its tombstones).</summary>
    public Privacy.ICustomerEraser Eraser { get; }

    /// <summary>Retention: rows past their keeping time removed in batches, their counts kept in the rollups.</summary>
    public Privacy.IRetentionStore Retention { get; }

    /// <summary>The database (connection pool and schema).</summary>
    public PostgreSqlNpsDatabase Database { get; }

    /// <summary>The contact ledger (the decision store's).</summary>
    public Fatigue.IContactLedger Ledger => Decisions.Ledger;

    /// <summary>Decisions and quotas.</summary>
    public IDecisionStore Decisions { get; }

    /// <summary>Responses.</summary>
    public IResponseStore Responses { get; }

    /// <summary>Follow-ups.</summary>
    public IFollowUpStore FollowUps { get; }

    /// <summary>Reports counted in SQL.</summary>
    public INpsCountSource Counter { get; }

    /// <summary>Opens a pool on a connection string and migrates the schema.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The stores.</returns>
    public static Task<PostgreSqlNpsStores> OpenAsync(string connectionString, CancellationToken cancellationToken = default) =>
        OpenAsync(connectionString, null, cancellationToken);

    /// <summary>Opens a pool on a connection string and migrates the schema, logging migrations and slow operations.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="loggerFactory">Where the stores log (category <c>Nps.Stores</c>); none when null.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The stores.</returns>
    public static async Task<PostgreSqlNpsStores> OpenAsync(string connectionString, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory, CancellationToken cancellationToken = default)
    {
        var database = new PostgreSqlNpsDatabase(connectionString, loggerFactory);
        try
        {
            await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return new PostgreSqlNpsStores(database);
        }
        catch
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

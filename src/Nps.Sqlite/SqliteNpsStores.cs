using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;
using Nps.Sampling;
using Nps.Stores;

namespace Nps.Sqlite;

/// <summary>Every Nps store on one SQLite file, opened together (the schema is created or migrated when opened).</summary>
public sealed class SqliteNpsStores : INpsStoreSet
{
    /// <summary>Opens the stores on a file.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=nps.db</c>.</param>
    public SqliteNpsStores(string connectionString)
        : this(connectionString, null)
    {
    }

    /// <summary>Opens the stores on a file, logging migrations and slow operations.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=nps.db</c>.</param>
    /// <param name="loggerFactory">Where the stores log (category <c>Nps.Stores</c>); none when null.</param>
    public SqliteNpsStores(string connectionString, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory)
    {
        Database = new SqliteNpsDatabase(connectionString, loggerFactory);
        Decisions = new SqliteDecisionStore(Database);
        Ledger = Decisions.Ledger;
        Responses = new SqliteResponseStore(Database);
        FollowUps = new SqliteFollowUpStore(Database);
        Invitations = new SqliteInvitationStore(Database);
        Eraser = new SqliteCustomerEraser(Database);
        Retention = new SqliteRetentionStore(Database);
    }

    /// <summary>The outbox: invitations created by the decisions, answered by the responses.</summary>
    public Delivery.IInvitationStore Invitations { get; }

    /// <summary>Erasure of a customer from every table (with its tombstones).</summary>
    public Privacy.ICustomerEraser Eraser { get; }

    /// <summary>Retention: rows past their keeping time removed in batches, their counts kept in the rollups.</summary>
    public Privacy.IRetentionStore Retention { get; }

    /// <summary>The database.</summary>
    public SqliteNpsDatabase Database { get; }

    /// <summary>The contact ledger.</summary>
    public IContactLedger Ledger { get; }

    /// <summary>The decision store and quota counters (over <see cref="Ledger"/>).</summary>
    public IDecisionStore Decisions { get; }

    /// <summary>The response store (writing contacts to <see cref="Ledger"/> and follow-ups to <see cref="FollowUps"/>).</summary>
    public IResponseStore Responses { get; }

    /// <summary>The follow-up store.</summary>
    public IFollowUpStore FollowUps { get; }
}

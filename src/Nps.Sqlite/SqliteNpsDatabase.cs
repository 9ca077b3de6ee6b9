using Microsoft.Data.Sqlite;

namespace Nps.Sqlite;

/// <summary>
/// One SQLite file holding every Nps store: contact ledger, decisions, quota counters, responses and follow-ups.
/// WAL, so readers never block the writer; a busy timeout, so writers in other processes on the same file wait for
/// the lock instead of failing; every write is one transaction begun with <c>BEGIN IMMEDIATE</c>, so the write lock
/// is held from the first read of a decision to its commit. Writers in this process queue on a gate first, so
/// they wait without spinning on the file lock. The schema is created or migrated when the database is opened.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The write gate's wait handle is never created, so it holds nothing to dispose; the database lives as long as its host.")]
public sealed class SqliteNpsDatabase
{
    /// <summary>The schema version this package writes (<c>PRAGMA user_version</c>).</summary>
    public const int SchemaVersion = 14;

    /// <summary>The database's name in telemetry (the semantic conventions' <c>db.system.name</c>).</summary>
    internal const string SystemName = "sqlite";

    private const int BusyTimeoutMilliseconds = 30_000;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>Opens the database: creates the file, switches it to WAL and creates or migrates the schema.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=nps.db</c>.</param>
    /// <exception cref="InvalidOperationException">The file holds a schema newer than this package knows.</exception>
    public SqliteNpsDatabase(string connectionString)
        : this(connectionString, null)
    {
    }

    /// <summary>Opens the database as <see cref="SqliteNpsDatabase(string)"/> does, logging migrations and slow operations.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=nps.db</c>.</param>
    /// <param name="loggerFactory">Where the store logs (category <c>Nps.Stores</c>); none when null.</param>
    /// <exception cref="InvalidOperationException">The file holds a schema newer than this package knows.</exception>
    public SqliteNpsDatabase(string connectionString, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Log = new Diagnostics.StoreLog(loggerFactory, SystemName);
        _connectionString = new SqliteConnectionStringBuilder(connectionString)
        {
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
        Migrate();
    }

    /// <summary>Times operations and logs migrations and slow operations.</summary>
    internal Diagnostics.StoreLog Log { get; }

    /// <summary>The file (for logs).</summary>
    public string DataSource => new SqliteConnectionStringBuilder(_connectionString).DataSource;

    /// <summary>Opens a connection with the busy timeout set (the caller disposes it).</summary>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The open connection.</returns>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Begins a write: waits for this process's writers, then opens a connection and begins <c>BEGIN IMMEDIATE</c>.</summary>
    internal async Task<SqliteWrite> BeginWriteAsync(CancellationToken cancellationToken, [System.Runtime.CompilerServices.CallerMemberName] string operationName = "")
    {
        var operation = Log.Start(operationName); // the wait for the gate counts: it is part of the write's time
        try
        {
            await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            operation.Failed(exception);
            operation.Dispose();
            throw;
        }

        SqliteConnection? connection = null;
        try
        {
            connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            var transaction = connection.BeginTransaction(deferred: false);
            return new SqliteWrite(connection, transaction, _writeGate, operation);
        }
        catch (Exception exception)
        {
            operation.Failed(exception);
            operation.Dispose();
            if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
            _writeGate.Release();
            throw;
        }
    }

    private void Migrate()
    {
        if (Path.GetDirectoryName(Path.GetFullPath(DataSource)) is { Length: > 0 } folder && DataSource != ":memory:") Directory.CreateDirectory(folder);
        using var connection = OpenAsync().GetAwaiter().GetResult();
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        using var version = connection.CreateCommand();
        version.Transaction = transaction;
        version.CommandText = "PRAGMA user_version;";
        var current = Convert.ToInt32(version.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (current > SchemaVersion)
        {
            throw new InvalidOperationException($"The database {DataSource} has schema version {current}; this Nps.Sqlite knows up to {SchemaVersion}.");
        }

        for (var next = current + 1; next <= Steps.Length; next++)
        {
            using var step = connection.CreateCommand();
            step.Transaction = transaction;
            step.CommandText = Steps[next - 1]() + $"PRAGMA user_version = {next.ToString(System.Globalization.CultureInfo.InvariantCulture)};";
            step.ExecuteNonQuery();
            if (next == FollowUpCountColumnsStep) SqliteFollowUpStore.AddCountColumns(connection, transaction);
        }

        transaction.Commit();
        Log.Migrated(current, Steps.Length);
    }

    /// <summary>
    /// The schema, as an append-only list of steps (step N brings <c>user_version</c> N − 1 to N; never edit a shipped
    /// step, add one), each written when it runs.
    /// </summary>
    private static readonly Func<string>[] Steps =
    [
        // 1: the ledger, decisions with their quotas, responses (counted by reports) and follow-ups.
        () => """
        CREATE TABLE IF NOT EXISTS nps_contacts (
            customer_id           TEXT NOT NULL,
            packed                INTEGER NOT NULL,
            event_id              TEXT,
            inclusion_probability REAL
        );
        CREATE INDEX IF NOT EXISTS nps_contacts_by_customer ON nps_contacts (customer_id, packed);
        CREATE TABLE IF NOT EXISTS nps_decisions (
            customer_id TEXT NOT NULL,
            event_id    TEXT NOT NULL,
            body        TEXT NOT NULL,
            PRIMARY KEY (customer_id, event_id)
        );
        CREATE TABLE IF NOT EXISTS nps_quotas (
            policy       TEXT NOT NULL,
            period_start INTEGER NOT NULL,
            used         INTEGER NOT NULL,
            PRIMARY KEY (policy, period_start)
        );
        CREATE TABLE IF NOT EXISTS nps_responses (
            seq                   INTEGER PRIMARY KEY AUTOINCREMENT,
            response_id           TEXT NOT NULL UNIQUE,
            respondent_id         TEXT NOT NULL,
            invitation_id         TEXT,
            event_id              TEXT,
            kind                  INTEGER NOT NULL,
            rating                INTEGER NOT NULL,
            comment               TEXT,
            callback_requested    INTEGER NOT NULL,
            responded_at          INTEGER NOT NULL,
            offset_minutes        INTEGER NOT NULL,
            team                  TEXT,
            agent                 TEXT,
            channel               TEXT,
            product               TEXT,
            touchpoint            TEXT,
            attributes            TEXT,
            inclusion_probability REAL NOT NULL,
            probability_stated    INTEGER NOT NULL,
            is_manual             INTEGER NOT NULL,
            received_at           INTEGER NOT NULL,
            follow_up_id          TEXT
        );
        CREATE INDEX IF NOT EXISTS nps_responses_by_time ON nps_responses (responded_at);
        CREATE INDEX IF NOT EXISTS nps_responses_by_respondent ON nps_responses (respondent_id);
        CREATE TABLE IF NOT EXISTS nps_follow_ups (
            follow_up_id TEXT PRIMARY KEY,
            customer_id  TEXT NOT NULL,
            status       TEXT NOT NULL,
            due_at       INTEGER NOT NULL,
            body         TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS nps_follow_ups_by_status ON nps_follow_ups (status, due_at);
        CREATE INDEX IF NOT EXISTS nps_follow_ups_by_customer ON nps_follow_ups (customer_id);
        """,

        // 2: each customer's first sighting by the program (a relational first slot counts from it), in ticks UTC.
        () => """
        CREATE TABLE IF NOT EXISTS nps_first_seen (
            customer_id   TEXT PRIMARY KEY,
            first_seen_at INTEGER NOT NULL
        );
        """,

        // 3: the daily and weekly rollups reports read (Reporting.SqliteRollupSchema), built from the responses already stored.
        Reporting.SqliteRollupSchema.Create,

        // 4: the rollups' UTC month rows (Reporting.SqliteRollupSchema.AddMonths), summed from the day rows.
        Reporting.SqliteRollupSchema.AddMonths,

        // 5: the version of the stored responses (SqliteResponseVersion), kept by triggers on nps_responses.
        () => SqliteResponseVersion.Create,

        // 6: the outbox's invitations (SqliteInvitationStore) and each response's provenance (existing rows: solicited).
        () => SqliteInvitationStore.Create,

        // 7: the rollups' (team, agent) pair rows (Reporting.SqliteRollupSchema.AddTeamAgentPairs), so two dimensions at once read rollups.
        Reporting.SqliteRollupSchema.AddTeamAgentPairs,

        // 8: the unsolicited flag in the rollups' key (Reporting.SqliteRollupSchema.AddUnsolicited): table, triggers and rows rebuilt from the responses.
        Reporting.SqliteRollupSchema.AddUnsolicited,

        // 9: erased customers' tombstones (SqliteCustomerEraser): a keyed hash of the id and the time, nothing personal.
        () => SqliteCustomerEraser.Create,

        // 10: the sent invitations by expiry (SqliteInvitationStore.ExpireAsync reads only those): an index, no data changed.
        () => SqliteInvitationStore.AddExpiryIndex,

        // 11: retention (SqliteRetentionStore): its state, the rollups' delete trigger that keeps retained counts, the
        // decisions' time as a column, and indexes by time on the tables it trims.
        () => SqliteRetentionStore.Create,

        // 12: comment themes as counts (Reporting.SqliteThemeCounts): the matched mentions, their day sums and the
        // taxonomy's state, empty until the first theme analysis matches the stored comments.
        Reporting.SqliteThemeCounts.Create,

        // 13: the follow-ups' counted columns, in C# (SqliteFollowUpStore.AddCountColumns, run for FollowUpCountColumnsStep):
        // added, filled from the stored bodies and indexed, so counts and pages read no bodies.
        () => "",

        // 14: the theme counts' delete trigger without an alias on its target (Reporting.SqliteThemeCounts.ReplaceDeleteTrigger),
        // so a later step can drop or rename a column: SQLite rechecks every trigger then.
        Reporting.SqliteThemeCounts.ReplaceDeleteTrigger,
    ];

    /// <summary>The step run in C#: the follow-ups' columns filled from their bodies (times at full precision, team keys as .NET cases them).</summary>
    private const int FollowUpCountColumnsStep = 13;
}

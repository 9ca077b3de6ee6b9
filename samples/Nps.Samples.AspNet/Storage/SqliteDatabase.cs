using Microsoft.Data.Sqlite;

namespace Nps.Samples.AspNet.Storage;

/// <summary>
/// The sample's one SQLite file: contact ledger, decisions, responses and follow-ups. WAL so readers never block
/// the writer; a busy timeout so concurrent writers (threads or other instances on the same file) wait for the
/// lock instead of failing; every write is one transaction started with <c>BEGIN IMMEDIATE</c>, so the write lock
/// is taken before anything is read.
/// </summary>
public sealed class SqliteDatabase
{
    private const int BusyTimeoutMilliseconds = 30_000;
    private readonly string _connectionString;

    /// <summary>Creates the database access; call <see cref="EnsureCreated"/> once at start.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=nps.db</c>.</param>
    public SqliteDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = new SqliteConnectionStringBuilder(connectionString)
        {
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
    }

    /// <summary>The file, for logs.</summary>
    public string DataSource => new SqliteConnectionStringBuilder(_connectionString).DataSource;

    /// <summary>Opens a connection with the busy timeout set.</summary>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The open connection (the caller disposes it).</returns>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Creates the schema if it is missing and switches the file to WAL (idempotent; run at start).</summary>
    public void EnsureCreated()
    {
        if (Path.GetDirectoryName(Path.GetFullPath(DataSource)) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        using var connection = OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS contacts (
                customer_id TEXT NOT NULL,
                packed      INTEGER NOT NULL
            );
            CREATE INDEX IF NOT EXISTS contacts_by_customer ON contacts (customer_id, packed);
            CREATE TABLE IF NOT EXISTS decisions (
                customer_id TEXT NOT NULL,
                event_id    TEXT NOT NULL,
                body        TEXT NOT NULL,
                PRIMARY KEY (customer_id, event_id)
            );
            CREATE TABLE IF NOT EXISTS responses (
                response_id  TEXT PRIMARY KEY,
                responded_at INTEGER NOT NULL,
                body         TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS follow_ups (
                follow_up_id TEXT PRIMARY KEY,
                response_id  TEXT NOT NULL,
                status       TEXT NOT NULL,
                rating       INTEGER NOT NULL,
                due_at       INTEGER NOT NULL,
                body         TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS follow_ups_by_status ON follow_ups (status, due_at);
            """;
        command.ExecuteNonQuery();
    }
}

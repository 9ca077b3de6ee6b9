using Npgsql;

namespace Nps.PostgreSql;

/// <summary>
/// One PostgreSQL database holding Nps.Core's state for any number of service instances: the connection pool
/// (an <see cref="NpgsqlDataSource"/>) and the schema, created or brought up to date by <see cref="MigrateAsync"/>.
/// </summary>
/// <remarks>
/// Tables are prefixed <c>nps_</c> and live in the connection's search path (set <c>Search Path</c> in the connection
/// string to use another schema). Migration runs in one transaction under a transaction-scoped advisory lock, so
/// instances that start together migrate once, one after the other.
/// </remarks>
public sealed class PostgreSqlNpsDatabase : IAsyncDisposable
{
    /// <summary>The database's name in telemetry (the semantic conventions' <c>db.system.name</c>).</summary>
    internal const string SystemName = "postgresql";

    private readonly bool _ownsDataSource;

    /// <summary>Statements Npgsql keeps prepared per connection when the connection string does not say (<see cref="PostgreSqlNpsDatabase(string)"/>).</summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// Opens a pool on a connection string (the database owns and disposes it). Unless the connection string sets
    /// <c>Max Auto Prepare</c>, Npgsql's automatic preparation is turned on (<see cref="DefaultMaxAutoPrepare"/>
    /// statements, prepared from their second use): a report runs the same few statements again and again, and
    /// PostgreSQL then plans each once per connection instead of every time (planning a rollup read costs more than
    /// running it). Set <c>Max Auto Prepare=0</c> to turn it off, e.g. behind a pooler without prepared statements.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=127.0.0.1;Username=nps;Database=nps</c>.</param>
    /// <exception cref="ArgumentException">The connection string is empty or not a valid Npgsql connection string.</exception>
    public PostgreSqlNpsDatabase(string connectionString)
        : this(connectionString, null)
    {
    }

    /// <summary>Opens a pool as <see cref="PostgreSqlNpsDatabase(string)"/> does, logging migrations and slow operations.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="loggerFactory">Where the store logs (category <c>Nps.Stores</c>); none when null.</param>
    /// <exception cref="ArgumentException">The connection string is empty or not a valid Npgsql connection string.</exception>
    public PostgreSqlNpsDatabase(string connectionString, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Log = new Diagnostics.StoreLog(loggerFactory, SystemName);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
            builder.AutoPrepareMinUsages = 2;
        }

        DataSource = NpgsqlDataSource.Create(builder);
        _ownsDataSource = true;
    }

    /// <summary>Uses a data source configured elsewhere (the caller keeps owning it).</summary>
    /// <param name="dataSource">The data source.</param>
    public PostgreSqlNpsDatabase(NpgsqlDataSource dataSource)
        : this(dataSource, null)
    {
    }

    /// <summary>Uses a data source configured elsewhere (the caller keeps owning it), logging migrations and slow operations.</summary>
    /// <param name="dataSource">The data source.</param>
    /// <param name="loggerFactory">Where the store logs (category <c>Nps.Stores</c>); none when null.</param>
    public PostgreSqlNpsDatabase(NpgsqlDataSource dataSource, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        DataSource = dataSource;
        Log = new Diagnostics.StoreLog(loggerFactory, SystemName);
    }

    /// <summary>Times operations and logs migrations and slow operations.</summary>
    internal Diagnostics.StoreLog Log { get; }

    /// <summary>The schema version this package writes and reads.</summary>
    public static int SchemaVersion => PostgreSqlSchema.Migrations.Count;

    /// <summary>The connection pool.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Creates the tables, or applies the migrations the database lacks (idempotent; run once at start).</summary>
    /// <param name="cancellationToken">Cancels the migration (nothing is applied then).</param>
    /// <returns>The schema version before the migration (0 for a new database).</returns>
    /// <exception cref="InvalidOperationException">The database has a newer schema than this package knows.</exception>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        using var operation = Log.Start();
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var prepare = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(PostgreSqlSchema.Lock) { Parameters = { new() { Value = PostgreSqlSchema.MigrationLockKey } } },
                new NpgsqlBatchCommand(PostgreSqlSchema.CreateVersionTable),
            },
        })
        {
            await prepare.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int current;
        await using (var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM nps_schema_version", connection, transaction))
        {
            current = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (current > SchemaVersion)
        {
            throw new InvalidOperationException(
                $"The database's Nps schema is version {current}, newer than this package's {SchemaVersion}: update Nps.PostgreSql.");
        }

        for (var version = current + 1; version <= SchemaVersion; version++)
        {
            await using var step = new NpgsqlBatch(connection, transaction);
            foreach (var statement in PostgreSqlSchema.Statements(PostgreSqlSchema.Migrations[version - 1])) step.BatchCommands.Add(new NpgsqlBatchCommand(statement));
            step.BatchCommands.Add(new NpgsqlBatchCommand("INSERT INTO nps_schema_version (version) VALUES ($1)") { Parameters = { new() { Value = version } } });
            await step.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (version == PostgreSqlSchema.FollowUpCountColumnsVersion)
            {
                await PostgreSqlFollowUpStore.BackfillAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                await using var indexes = new NpgsqlBatch(connection, transaction);
                foreach (var statement in PostgreSqlSchema.Statements(PostgreSqlFollowUpStore.AddCountIndexes)) indexes.BatchCommands.Add(new NpgsqlBatchCommand(statement));
                await indexes.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        Log.Migrated(current, SchemaVersion);
        return current;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource) await DataSource.DisposeAsync().ConfigureAwait(false);
    }
}

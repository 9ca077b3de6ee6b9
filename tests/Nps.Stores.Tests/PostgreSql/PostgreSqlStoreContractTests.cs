extern alias postgresql;

using Npgsql;
using postgresql::Nps.PostgreSql;

namespace Nps.Stores.Tests.PostgreSql;

/// <summary>
/// The contract on PostgreSQL: each test gets its own schema; every <see cref="StoreContractTests.OpenAsync"/>
/// opens a new <see cref="PostgreSqlNpsDatabase"/> (its own connection pool, as another service instance would)
/// on that schema and migrates it, so a second open is a restart or a second instance.
/// </summary>
public sealed class PostgreSqlStoreContractTests : StoreContractTests
{
    private string? _connectionString;
    private Func<Task>? _drop;

    /// <inheritdoc/>
    protected override async ValueTask<StoreSet> OpenStoresAsync(TimeProvider clock)
    {
        // Here, inside the test, so that a missing server skips (or under CI fails) the test by name.
        if (_connectionString is null) (_connectionString, _drop) = await PostgreSqlTestServer.CreateSchemaAsync();
        var database = new PostgreSqlNpsDatabase(_connectionString!);
        await database.MigrateAsync(Cancel);
        var decisions = new PostgreSqlDecisionStore(database);
        return new StoreSet(decisions.Ledger, decisions, new PostgreSqlResponseStore(database), new PostgreSqlFollowUpStore(database),
            () => database.DisposeAsync(), new RawSql(ExecuteAsync, CopyColumns), new postgresql::Nps.PostgreSql.Reporting.PostgreSqlResponseCounter(database, postgresql::Nps.Reporting.RollupUse.Always)) { Invitations = new PostgreSqlInvitationStore(database), Eraser = new PostgreSqlCustomerEraser(database), Retention = new PostgreSqlRetentionStore(database) };
    }

    /// <inheritdoc/>
    protected override string? FollowUpsBeforeStep13Sql => """
        ALTER TABLE nps_follow_ups DROP COLUMN team_key, DROP COLUMN category, DROP COLUMN responded_ticks, DROP COLUMN due_ticks,
            DROP COLUMN contacted_ticks, DROP COLUMN time_to_contact, DROP COLUMN id_hash;
        DELETE FROM nps_schema_version WHERE version >= 13
        """;

    private const string CopyColumns = """
        respondent_id, invitation_id, event_id, kind, rating, comment, callback_requested, responded_at, offset_minutes, team, agent, channel,
        product, touchpoint, attributes, inclusion_probability, probability_stated, is_manual, received_at, received_offset_minutes, follow_up_id
        """;

    /// <inheritdoc/>
    protected override async Task<IReadOnlyList<string>?> FindStoredTextAsync(string text)
    {
        // Every table of the test's schema, each row as text (every column, JSON included).
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Cancel);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync(Cancel))
        {
            while (await reader.ReadAsync(Cancel)) tables.Add(reader.GetString(0));
        }

        Assert.Contains("nps_responses", tables);
        var found = new List<string>();
        foreach (var table in tables)
        {
            await using var search = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" t WHERE strpos(t::text, $1) > 0", connection) { Parameters = { new() { Value = text } } };
            if ((long)(await search.ExecuteScalarAsync(Cancel))! > 0) found.Add(table);
        }

        return found;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [Fact]
    public async Task Migrate_DatabaseFromMigration4_AddsTheResponseVersionKeptByTriggers()
    {
        var stores = await OpenAsync();
        await Intake(stores).SubmitAsync(Response("R1", rating: 9), Cancel);
        string[] downgrade =
        [
            "DROP TRIGGER nps_response_bump_version_insert ON nps_responses", "DROP TRIGGER nps_response_bump_version_update ON nps_responses",
            "DROP TRIGGER nps_response_bump_version_delete ON nps_responses", "DROP TRIGGER nps_response_bump_version_truncate ON nps_responses",
            "DROP FUNCTION nps_response_bump_version(), nps_response_bump_version_truncate()",
            "DROP TABLE nps_response_version",
            // The rollups as migration 4 left them (migration 8 changed their key; 7 runs again on the old one).
            .. PostgreSqlResponseCounterTests.DropRollups, .. PostgreSqlSchema.Statements(PostgreSqlSchema.Migrations[2]),
            .. PostgreSqlSchema.Statements(PostgreSqlSchema.Migrations[3]),
            "DELETE FROM nps_schema_version WHERE version >= 5",
        ];
        foreach (var sql in downgrade)
        {
            await ExecuteAsync(sql, Cancel);
        }

        await using var database = new PostgreSqlNpsDatabase(_connectionString!);
        Assert.Equal(4, await database.MigrateAsync(Cancel));
        var responses = new PostgreSqlResponseStore(database);
        var migrated = await responses.GetResponseVersionAsync(Cancel);
        await ExecuteAsync("TRUNCATE nps_responses", Cancel);

        Assert.Equal(migrated + 1, await responses.GetResponseVersionAsync(Cancel));
        Assert.InRange(migrated, 0, (1L << 46) - 1);
        Assert.Equal(PostgreSqlNpsDatabase.SchemaVersion, await database.MigrateAsync(Cancel)); // migrated once
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_drop is not null) await _drop();
    }
}

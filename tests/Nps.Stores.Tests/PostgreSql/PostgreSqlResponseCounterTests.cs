extern alias postgresql;

using Npgsql;
using NpgsqlTypes;
using Nps.Intake;
using postgresql::Nps.PostgreSql;
using postgresql::Nps.PostgreSql.Reporting;
using Nps.Segmentation;
using Nps.Stores.Tests.Reporting;
using Nps.Tests.Segmentation;
using postgresql::Nps.Reporting;

namespace Nps.Stores.Tests.PostgreSql;

/// <summary>Reports counted by PostgreSQL (<c>AT TIME ZONE</c>, <c>date_trunc</c>) equal the in-memory builder.</summary>
public sealed class PostgreSqlResponseCounterTests : ResponseCounterTests
{
    private PostgreSqlNpsDatabase? _database;
    private Func<Task>? _drop;

    /// <inheritdoc/>
    protected override Nps.Privacy.IRetentionStore Retention() => new PostgreSqlRetentionStore(_database!);

    /// <inheritdoc/>
    protected override async Task<(IResponseStore Store, Func<CounterMode, INpsCountSource> Counter)> OpenAsync()
    {
        var (connectionString, drop) = await PostgreSqlTestServer.CreateSchemaAsync();
        _drop = drop;
        var database = _database = new PostgreSqlNpsDatabase(connectionString);
        await database.MigrateAsync(Cancel);
        return (new PostgreSqlResponseStore(database), mode => new PostgreSqlResponseCounter(database, mode switch
        {
            CounterMode.Auto => RollupUse.Auto,
            CounterMode.Rollups => RollupUse.Always,
            _ => RollupUse.Never,
        }));
    }

    internal static readonly string[] DropRollups =
    [
        "DROP TABLE nps_response_days",
        "DROP TRIGGER nps_response_days_insert ON nps_responses", "DROP TRIGGER nps_response_days_delete ON nps_responses",
        "DROP TRIGGER nps_response_days_update ON nps_responses", "DROP TRIGGER nps_response_days_truncate ON nps_responses",
        "DROP FUNCTION nps_response_days_insert(), nps_response_days_delete(), nps_response_days_update(), nps_response_days_truncate()",
    ];

    /// <inheritdoc/>
    protected override Task RemoveRollupsAndMigrateAsync() => DowngradeAndMigrateAsync([.. DropRollups, "DELETE FROM nps_schema_version WHERE version >= 3"], 2);

    /// <inheritdoc/>
    protected override Task RemoveMonthRowsAndMigrateAsync() => // migration 3 as shipped (days and weeks): a database from before migration 4
        DowngradeAndMigrateAsync([.. DropRollups, .. PostgreSqlSchema.Statements(PostgreSqlSchema.Migrations[2]), "DELETE FROM nps_schema_version WHERE version >= 4"], 3);

    /// <inheritdoc/>
    protected override Task RemoveUnsolicitedKeyAndMigrateAsync() => // migrations 3, 4 and 7 as shipped: keyed by the manual flag alone
        DowngradeAndMigrateAsync([.. DropRollups, .. PostgreSqlSchema.Statements(PostgreSqlSchema.Migrations[2]), .. PostgreSqlSchema.Statements(PostgreSqlSchema.Migrations[3]),
            .. PostgreSqlSchema.Statements(PostgreSqlSchema.Migrations[6]), "DELETE FROM nps_schema_version WHERE version >= 8"], 7);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(string sql)
    {
        await using var command = _database!.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Cancel);
    }

    private async Task DowngradeAndMigrateAsync(IEnumerable<string> statements, int version)
    {
        var database = _database!;
        await using (var downgrade = database.DataSource.CreateBatch())
        {
            foreach (var sql in statements) downgrade.BatchCommands.Add(new NpgsqlBatchCommand(sql));
            await downgrade.ExecuteNonQueryAsync(Cancel);
        }

        Assert.Equal(version, await database.MigrateAsync(Cancel));
    }

    [Fact]
    public async Task AddAsync_ConcurrentPostsAndBulkInserts_NoDeadlockAndExactCounts()
    {
        var (store, counters) = await OpenAsync();
        var database = _database!;
        // The bulk rows (from 200 on) are typed without a provenance: they are stored solicited.
        var responses = SpreadResponses(seed: 77, count: 400).Select((r, i) => i < 200 ? r : r with { Provenance = ResponseProvenance.Solicited }).ToList();
        var posts = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; i < 200; i += 8) await store.AddAsync(new StoredResponse { Response = responses[i] }, null, null, Cancel);
        }, Cancel));

        // Bulk inserts at once, over the same rollup rows, their rows listed in opposite orders, beside single posts: the
        // triggers upsert in key order, so they queue rather than deadlock.
        var bulk = Enumerable.Range(0, 4).Select(batch => Task.Run(async () =>
        {
            var rows = responses.Skip(200 + batch * 50).Take(50).ToList();
            if (batch % 2 == 1) rows.Reverse();
            await using var connection = await database.DataSource.OpenConnectionAsync(Cancel);
            await using var transaction = await connection.BeginTransactionAsync(Cancel);
            await using var insert = new NpgsqlCommand("""
                INSERT INTO nps_responses (response_id, respondent_id, kind, rating, callback_requested, responded_at, offset_minutes, team, agent,
                    channel, inclusion_probability, probability_stated, is_manual, received_at, received_offset_minutes)
                SELECT id, '', k, rt, false, at, 0, tm, ag, ch, p, true, m, now(), 0
                FROM unnest($1::text[], $2::smallint[], $3::smallint[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::bool[])
                    AS u (id, k, rt, at, tm, ag, ch, p, m)
                """, connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.ResponseId).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => (short)r.Kind).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => (short)r.Rating.Value).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.RespondedAt.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => (object?)r.Team ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => (object?)r.Agent ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => (object?)r.Channel ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.InclusionProbability).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.IsManual).ToArray() });
            await insert.ExecuteNonQueryAsync(Cancel);
            await Task.Delay(20, Cancel); // hold the row locks while the other batches insert
            await transaction.CommitAsync(Cancel);
        }, Cancel));
        await Task.WhenAll(posts.Concat(bulk));

        foreach (var (options, from, to) in SpreadOptions().Where((_, i) => i % 4 == 0))
        {
            var expected = new NpsReportBuilder(options);
            expected.AddRange(responses.Where(r => (from is null || r.RespondedAt >= from) && (to is null || r.RespondedAt < to)));
            var actual = await counters(CounterMode.Rollups).BuildReportAsync(options, from, to, Cancel);
            AssertSameReport(ReportFingerprint.Of(expected.Build()), ReportFingerprint.Of(actual), options.TimeZone.Id);
        }
    }

    [Fact]
    public async Task Truncate_Responses_EmptiesRollups()
    {
        var (store, _) = await OpenAsync();
        foreach (var response in SpreadResponses(seed: 3, count: 20)) await store.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);
        await using var truncate = _database!.DataSource.CreateCommand("TRUNCATE nps_responses");
        await truncate.ExecuteNonQueryAsync(Cancel);
        await using var count = _database.DataSource.CreateCommand("SELECT count(*) FROM nps_response_days");
        Assert.Equal(0L, await count.ExecuteScalarAsync(Cancel));
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        if (_drop is not null) await _drop();
    }
}

using Nps.Intake;
using Nps.PostgreSql;
using Nps.PostgreSql.Reporting;
using Nps.Segmentation;
using Nps.Stores.Tests.Reporting;

namespace Nps.Stores.Tests.PostgreSql;

/// <summary>Reports counted by PostgreSQL (<c>AT TIME ZONE</c>, <c>date_trunc</c>) equal the in-memory builder.</summary>
public sealed class PostgreSqlResponseCounterTests : ResponseCounterTests
{
    private NpsPostgreSqlDatabase? _database;
    private Func<Task>? _drop;

    /// <inheritdoc/>
    protected override async Task<(IResponseStore Store, INpsCountSource Counter)> OpenAsync()
    {
        var (connectionString, drop) = await PostgreSqlTestServer.CreateSchemaAsync();
        _drop = drop;
        _database = new NpsPostgreSqlDatabase(connectionString);
        await _database.MigrateAsync(Cancel);
        return (new PostgreSqlResponseStore(_database), new PostgreSqlResponseCounter(_database));
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        if (_drop is not null) await _drop();
    }
}

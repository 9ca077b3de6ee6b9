using Nps.PostgreSql;

namespace Nps.Stores.Tests.PostgreSql;

/// <summary>
/// The contract on PostgreSQL: each test gets its own schema; every <see cref="StoreContractTests.OpenAsync"/>
/// opens a new <see cref="NpsPostgreSqlDatabase"/> (its own connection pool, as another service instance would)
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
        var database = new NpsPostgreSqlDatabase(_connectionString!);
        await database.MigrateAsync(Cancel);
        var decisions = new PostgreSqlDecisionStore(database);
        return new StoreSet(decisions.Ledger, decisions, new PostgreSqlResponseStore(database), new PostgreSqlFollowUpStore(database),
            () => database.DisposeAsync());
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_drop is not null) await _drop();
    }
}

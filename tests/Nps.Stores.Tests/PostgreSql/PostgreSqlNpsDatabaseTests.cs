extern alias postgresql;

using Npgsql;
using postgresql::Nps.PostgreSql;

namespace Nps.Stores.Tests.PostgreSql;

/// <summary>How the database builds its pool from a connection string (no server needed: nothing is opened).</summary>
public sealed class PostgreSqlNpsDatabaseTests
{
    [Fact]
    public async Task New_ConnectionStringWithoutAutoPrepare_PreparesRepeatedStatements()
    {
        await using var database = new PostgreSqlNpsDatabase("Host=127.0.0.1;Username=nps;Database=nps");

        var settings = new NpgsqlConnectionStringBuilder(database.DataSource.ConnectionString);

        Assert.Equal(PostgreSqlNpsDatabase.DefaultMaxAutoPrepare, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Username=nps;Database=nps;Max Auto Prepare=0", 0)]
    [InlineData("Host=127.0.0.1;Username=nps;Database=nps;maxautoprepare=7", 7)]
    public async Task New_ConnectionStringSettingAutoPrepare_Kept(string connectionString, int expected)
    {
        await using var database = new PostgreSqlNpsDatabase(connectionString);

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(database.DataSource.ConnectionString).MaxAutoPrepare);
    }
}

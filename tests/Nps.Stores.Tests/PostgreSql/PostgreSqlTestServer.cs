using Npgsql;

namespace Nps.Stores.Tests.PostgreSql;

/// <summary>
/// The PostgreSQL server the tests use: <c>NPS_TEST_POSTGRES</c> (set by <c>.ci/postgres.sh</c>). Under CI
/// (<c>CI=true</c>) a missing or unreachable server fails the test loudly; elsewhere the test is reported as
/// skipped with the reason, never silently passed.
/// </summary>
internal static class PostgreSqlTestServer
{
    public const string Variable = "NPS_TEST_POSTGRES";

    private static readonly Lazy<Task<string?>> Problem = new(ProbeAsync);

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string, once the server answered; skips (or, under CI, fails) the test otherwise.</summary>
    public static async Task<string> RequireAsync()
    {
        if (await Problem.Value is { } problem)
        {
            if (InCi) throw new InvalidOperationException($"CI=true, so PostgreSQL is required: {problem}");
            Assert.Skip($"PostgreSQL not available ({problem}); start one with: eval \"$(.ci/postgres.sh start)\"");
        }

        return Environment.GetEnvironmentVariable(Variable)!;
    }

    /// <summary>A fresh schema for one test, and the connection string that uses it.</summary>
    public static async Task<(string ConnectionString, Func<Task> Drop)> CreateSchemaAsync()
    {
        var server = await RequireAsync();
        var schema = "nps_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, MaxPoolSize = 100 }.ToString();
        return (connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        });
    }

    private static async Task<string?> ProbeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString)) return $"{Variable} is not set";
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5 }.ToString());
            await connection.OpenAsync();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or TimeoutException)
        {
            return $"{Variable} does not answer: {e.Message}";
        }
    }
}

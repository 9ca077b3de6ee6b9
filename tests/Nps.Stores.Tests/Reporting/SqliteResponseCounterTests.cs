using Microsoft.Data.Sqlite;
using Nps.Intake;
using Nps.Segmentation;
using Nps.Sqlite;
using Nps.Sqlite.Reporting;

namespace Nps.Stores.Tests.Reporting;

/// <summary>Reports counted by SQLite (offsets and periods as <c>CASE</c> trees) equal the in-memory builder.</summary>
public sealed class SqliteResponseCounterTests : ResponseCounterTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nps-sqlite-count-").FullName;

    /// <inheritdoc/>
    protected override Task<(IResponseStore Store, INpsCountSource Counter)> OpenAsync()
    {
        var stores = new SqliteNpsStores($"Data Source={Path.Combine(_folder, "nps.db")}");
        return Task.FromResult<(IResponseStore, INpsCountSource)>((stores.Responses, new SqliteResponseCounter(stores.Database)));
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere only leaves a temporary folder behind.
        }
    }
}

using Microsoft.Data.Sqlite;

namespace Nps.Sqlite;

/// <summary>One write transaction (<c>BEGIN IMMEDIATE</c>) holding this process's write gate until disposed, timed as a store operation.</summary>
internal sealed class SqliteWrite(SqliteConnection connection, SqliteTransaction transaction, SemaphoreSlim gate, Diagnostics.StoreScope operation) : IAsyncDisposable
{
    private bool _disposed;

    public SqliteConnection Connection => connection;

    /// <summary>A command inside the transaction.</summary>
    public SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            await transaction.DisposeAsync().ConfigureAwait(false); // rolls back when not committed
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
            operation.Dispose();
        }
    }
}

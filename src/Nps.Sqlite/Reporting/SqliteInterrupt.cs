using Microsoft.Data.Sqlite;

namespace Nps.Sqlite.Reporting;

/// <summary>
/// Cancels a running SQLite statement when its token fires. Microsoft.Data.Sqlite checks the token only between
/// rows, while a <c>GROUP BY</c> computes all its groups inside the first step, so a count would run on after its
/// client has gone; <c>sqlite3_interrupt</c> (safe from any thread) stops the statement, and the interrupted
/// statement is reported as cancelled, as the token's other checks are.
/// </summary>
internal static class SqliteInterrupt
{
    /// <summary>Interrupts whatever <paramref name="connection"/> runs once <paramref name="cancellationToken"/> fires, until disposed.</summary>
    public static CancellationTokenRegistration On(SqliteConnection connection, CancellationToken cancellationToken) =>
        cancellationToken.UnsafeRegister(static state => SQLitePCL.raw.sqlite3_interrupt(((SqliteConnection)state!).Handle), connection);

    /// <summary>Runs a query; an interrupted statement throws <see cref="OperationCanceledException"/>.</summary>
    public static async Task<SqliteDataReader> ExecuteAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e) when (IsInterrupt(e, cancellationToken))
        {
            throw Cancelled(e, cancellationToken);
        }
    }

    /// <summary>Reads the next row; an interrupted statement throws <see cref="OperationCanceledException"/>.</summary>
    public static async Task<bool> ReadAsync(SqliteDataReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e) when (IsInterrupt(e, cancellationToken))
        {
            throw Cancelled(e, cancellationToken);
        }
    }

    private static bool IsInterrupt(SqliteException e, CancellationToken cancellationToken) =>
        e.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT && cancellationToken.IsCancellationRequested;

    private static OperationCanceledException Cancelled(SqliteException e, CancellationToken cancellationToken) =>
        new("The statement was cancelled.", e, cancellationToken);
}

using System.Data.Common;

// Compiled into Nps.Sqlite and Nps.PostgreSql (linked source, internal in each).
namespace Nps.Stores;

/// <summary>
/// One retention batch as both relational stores run it, inside the store's own transaction: the statements in
/// order, each counted one removing at most what is left of the batch, so a batch never removes more than its size.
/// </summary>
internal static class RetentionBatch
{
    /// <summary>Runs the statements; <paramref name="command"/> makes a statement's command for a limit (what is left of the batch).</summary>
    /// <returns>The rows the counted statements removed.</returns>
    public static async Task<int> RunAsync<TStatement>(int batchSize, (TStatement Statement, bool Counted)[] statements, Func<TStatement, int, DbCommand> command,
        CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var (statement, counted) in statements)
        {
            if (counted && removed >= batchSize) break;
            await using var run = command(statement, batchSize - removed);
            var changed = await run.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (counted) removed += changed;
        }

        return removed;
    }

    /// <summary>
    /// The packed contact records (<see cref="Fatigue.ContactRecord.Packed"/>) below this are dated before the cutoff: the
    /// packed form orders by time first, and the lowest record of the cutoff's millisecond is an invitation's.
    /// </summary>
    public static long PackedBefore(DateTimeOffset cutoff) => Fatigue.ContactRecord.Create(Fatigue.ContactKind.Invitation, cutoff).Packed;
}

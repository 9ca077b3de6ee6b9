using System.Data.Common;
using Nps.Fatigue;

// Compiled into Nps.Sqlite and Nps.PostgreSql (linked source, internal in each).
namespace Nps.Stores;

/// <summary>
/// The ledger's rows as both relational stores read them: <c>nps_contacts</c> keeps a record in its 8-byte packed form
/// (which orders by time), with the event id and inclusion probability of an invitation a decision wrote.
/// </summary>
internal static class ContactRows
{
    /// <summary>Reads a history from the result the reader is on: one column, <c>packed</c>, in time order.</summary>
    public static async Task<ContactHistory> ReadHistoryAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var records = new List<ContactRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) records.Add(ContactRecord.FromPacked(reader.GetInt64(0)));
        return ContactHistory.From(records);
    }

    /// <summary>Reads entries from the result the reader is on: <c>packed, event_id, inclusion_probability</c>.</summary>
    public static async Task<IReadOnlyList<LedgerEntry>> ReadEntriesAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var entries = new List<LedgerEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new LedgerEntry(ContactRecord.FromPacked(reader.GetInt64(0)),
                reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetDouble(2)));
        }

        return entries;
    }
}

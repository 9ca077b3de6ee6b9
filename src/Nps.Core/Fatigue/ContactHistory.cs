namespace Nps.Fatigue;

/// <summary>
/// A customer's contact history as the rules see it: records ordered by time (oldest first). A snapshot: later
/// writes to the ledger do not change it.
/// </summary>
public readonly struct ContactHistory
{
    private readonly ContactRecord[]? _records;

    /// <summary>Creates a history from records in any order (they are sorted by time).</summary>
    /// <param name="records">The records.</param>
    /// <returns>The history.</returns>
    public static ContactHistory From(IEnumerable<ContactRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var array = records.ToArray();
        Array.Sort(array);
        return new ContactHistory(array);
    }

    /// <summary>Wraps an array that is already sorted and will never be written again (no copy).</summary>
    internal ContactHistory(ContactRecord[] sortedRecords) => _records = sortedRecords;

    /// <summary>An empty history (also <see langword="default"/>).</summary>
    public static ContactHistory Empty => default;

    /// <summary>The records, oldest first.</summary>
    public ReadOnlySpan<ContactRecord> Records => _records;

    /// <summary>How many records the history holds.</summary>
    public int Count => _records?.Length ?? 0;

    /// <summary>Whether the customer's latest opt-out is later than their latest opt-in.</summary>
    public bool IsOptedOut
    {
        get
        {
            var records = Records;
            for (var i = records.Length - 1; i >= 0; i--)
            {
                if (records[i].Kind == ContactKind.OptOut) return true;
                if (records[i].Kind == ContactKind.OptIn) return false;
            }

            return false;
        }
    }

    internal ContactRecord[] RecordsArray => _records ?? [];
}

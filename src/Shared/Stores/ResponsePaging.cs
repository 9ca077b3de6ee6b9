using System.Globalization;
using Nps.Intake;

// Compiled into Nps.Sqlite and Nps.PostgreSql (linked source, internal in each).
namespace Nps.Stores;

/// <summary>
/// The paging rules both relational response stores share: a page holds 1 to 10,000 responses, and its cursor is the
/// storing sequence number of the last response on the previous page, written in invariant digits. A page or a slice
/// is read by asking for one row more than it holds: the extra row is not returned, it only says there are more.
/// </summary>
internal static class ResponsePaging
{
    /// <summary>Checks a page size.</summary>
    public static void CheckLimit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 10_000);
    }

    /// <summary>Reads a cursor's sequence number (a positive number of invariant digits).</summary>
    public static bool TryParse(string cursor, out long after) =>
        long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out after) && after >= 1;

    /// <summary>The cursor of a page that ends at the response stored with this sequence number.</summary>
    public static string Cursor(long seq) => seq.ToString(CultureInfo.InvariantCulture);

    /// <summary>The error for a cursor this store did not give out.</summary>
    public static ArgumentException NotACursor(string cursor) => new($"'{cursor}' is not a response cursor.", nameof(cursor));

    /// <summary>A page of <paramref name="limit"/> responses from rows in storing order, read up to <paramref name="limit"/> + 1.</summary>
    public static async ValueTask<ResponsePage> PageAsync(IAsyncEnumerable<(StoredResponse Stored, long Seq)> rows, int limit, CancellationToken cancellationToken)
    {
        var (items, more) = await FirstAsync(rows, limit, cancellationToken).ConfigureAwait(false);
        return new ResponsePage(items.ConvertAll(x => x.Stored), more ? Cursor(items[^1].Seq) : null);
    }

    /// <summary>A slice page of <paramref name="limit"/> responses from rows in (instant, id) order, read up to <paramref name="limit"/> + 1.</summary>
    public static async ValueTask<ResponseSlice> SliceAsync(IAsyncEnumerable<(StoredResponse Stored, long Seq)> rows, int limit, CancellationToken cancellationToken)
    {
        var (items, more) = await FirstAsync(rows, limit, cancellationToken).ConfigureAwait(false);
        var responses = items.ConvertAll(x => x.Stored.Response);
        return new ResponseSlice(responses, more ? ResponseSlice.Cursor(responses[^1].RespondedAt.UtcTicks, responses[^1].ResponseId) : null);
    }

    private static async ValueTask<(List<(StoredResponse Stored, long Seq)> Items, bool More)> FirstAsync(IAsyncEnumerable<(StoredResponse Stored, long Seq)> rows,
        int limit, CancellationToken cancellationToken)
    {
        var items = new List<(StoredResponse, long)>(Math.Min(limit, 1_000));
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (items.Count == limit) return (items, true);
            items.Add(row);
        }

        return (items, false);
    }
}

using System.Globalization;

// Compiled into Nps.Sqlite and Nps.PostgreSql (linked source, internal in each).
namespace Nps.Stores;

/// <summary>
/// The paging rules both relational response stores share: a page holds 1 to 10,000 responses, and its cursor is the
/// storing sequence number of the last response on the previous page, written in invariant digits.
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
}

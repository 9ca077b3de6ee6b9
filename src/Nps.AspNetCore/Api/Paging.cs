using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Nps.AspNetCore.Api;

/// <summary>
/// Paging for list routes: <c>limit</c> (1 to <see cref="MaxLimit"/>, default <see cref="DefaultLimit"/>) and an
/// opaque <c>cursor</c> that names the last item of the previous page by its sort key, so inserts and status
/// changes between pages neither repeat nor skip the items already walked past. The next page's link is in the
/// <c>Link: &lt;…&gt;; rel="next"</c> header (none on the last page); the body stays the list itself.
/// </summary>
internal static class Paging
{
    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest page size.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Reads <c>limit</c> and <c>cursor</c>; invalid values are added to <paramref name="errors"/>.</summary>
    public static (int Limit, string? After) Read(FieldErrors errors, QueryInteger limit, string? cursor)
    {
        var size = limit.Check(errors, "limit", 1, MaxLimit, DefaultLimit, text => $"'{text}' is not a page size: a whole number from 1 to {MaxLimit}.");

        string? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            after = Decode(cursor);
            if (after is null) errors.Add("cursor", $"'{cursor}' is not a cursor from this list; send the one from the Link header.");
        }

        return (size, after);
    }

    /// <summary>
    /// A page read in order from a store, asked for one item more than <paramref name="limit"/>: the first
    /// <paramref name="limit"/> items, and the <c>Link</c> header to the next page when the extra one came.
    /// </summary>
    public static IReadOnlyList<T> Page<T>(HttpContext context, IReadOnlyList<T> read, Func<T, string> key, int limit)
    {
        if (read.Count <= limit) return read;
        var request = context.Request;
        var query = request.Query.Where(q => q.Key is not ("cursor" or "limit"))
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()))
            .Append(new("limit", limit.ToString(CultureInfo.InvariantCulture)))
            .Append(new("cursor", Encode(key(read[limit - 1]))));
        var next = request.PathBase + request.Path + QueryString.Create(query);
        context.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        return [.. read.Take(limit)];
    }

    /// <summary>
    /// A sort key for items ordered by a time, then by a hash of their id (<see cref="Nps.FollowUp.FollowUpListPosition"/>):
    /// bounded (52 characters whatever the id's length) and carrying nothing of the id, so a cursor made from it is small and opaque.
    /// </summary>
    public static string TimeThenId(DateTimeOffset time, string id) => Key(new Nps.FollowUp.FollowUpListPosition(time.UtcTicks, Nps.FollowUp.FollowUpListPosition.IdHashOf(id)));

    /// <summary>The sort key of a list position: its ticks (19 digits), a bar, and its id hash.</summary>
    public static string Key(Nps.FollowUp.FollowUpListPosition position) =>
        position.DueUtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + position.IdHash;

    /// <summary>The list position a sort key names (from a cursor), or null when it is not one.</summary>
    public static Nps.FollowUp.FollowUpListPosition? Position(string key)
    {
        if (key.Length != 52 || key[19] != '|' || !long.TryParse(key.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)) return null;
        var hash = key[20..];
        return hash.All(c => char.IsAsciiDigit(c) || c is >= 'A' and <= 'F') ? new Nps.FollowUp.FollowUpListPosition(ticks, hash) : null;
    }

    private static string Encode(string key) => "c1." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    private static string? Decode(string cursor)
    {
        if (!cursor.StartsWith("c1.", StringComparison.Ordinal)) return null;
        var bytes = new byte[Base64Url.GetMaxDecodedLength(cursor.Length - 3)];
        if (Base64Url.DecodeFromChars(cursor.AsSpan(3), bytes, out _, out var written) != System.Buffers.OperationStatus.Done) return null;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}

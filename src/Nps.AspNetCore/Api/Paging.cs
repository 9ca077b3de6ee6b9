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
    /// The page of <paramref name="items"/> after the cursor, in order of <paramref name="key"/> (ordinal), and
    /// sets the <c>Link</c> header to the next page when there is one.
    /// </summary>
    public static IReadOnlyList<T> Apply<T>(HttpContext context, IEnumerable<T> items, Func<T, string> key, int limit, string? after)
    {
        var ordered = items.Select(item => (Key: key(item), Item: item))
            .Where(entry => after is null || string.CompareOrdinal(entry.Key, after) > 0)
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Take(limit + 1)
            .ToList();
        if (ordered.Count > limit)
        {
            var request = context.Request;
            var query = request.Query.Where(q => q.Key is not ("cursor" or "limit"))
                .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()))
                .Append(new("limit", limit.ToString(CultureInfo.InvariantCulture)))
                .Append(new("cursor", Encode(ordered[limit - 1].Key)));
            var next = request.PathBase + request.Path + QueryString.Create(query);
            context.Response.Headers.Link = $"<{next}>; rel=\"next\"";
            ordered.RemoveAt(limit);
        }

        return [.. ordered.Select(entry => entry.Item)];
    }

    /// <summary>
    /// A sort key for items ordered by a time, then by a hash of their id: bounded (52 characters whatever the id's
    /// length) and carrying nothing of the id, so a cursor made from it is small and opaque.
    /// </summary>
    public static string TimeThenId(DateTimeOffset time, string id) =>
        time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" +
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(id)), 0, 16);

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

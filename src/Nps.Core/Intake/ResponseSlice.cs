using System.Globalization;

namespace Nps.Intake;

/// <summary>One page of an <see cref="IResponseSliceSource"/>'s slice.</summary>
/// <param name="Responses">The responses, ordered by (responded-at instant, response id ordinal).</param>
/// <param name="NextCursor">The cursor of the next page, or <see langword="null"/> when this is the last.</param>
public sealed record ResponseSlice(IReadOnlyList<SurveyResponse> Responses, string? NextCursor)
{
    /// <summary>The cursor that continues after a response: its instant in UTC ticks and its id.</summary>
    /// <param name="utcTicks">The response's responded-at instant in UTC ticks, as the store keeps it.</param>
    /// <param name="responseId">The response's id.</param>
    /// <returns>The cursor.</returns>
    public static string Cursor(long utcTicks, string responseId)
    {
        ArgumentNullException.ThrowIfNull(responseId);
        return utcTicks.ToString(CultureInfo.InvariantCulture) + ":" + responseId;
    }

    /// <summary>Reads a cursor made by <see cref="Cursor"/>.</summary>
    /// <param name="cursor">The cursor.</param>
    /// <returns>The instant in UTC ticks and the response id it continues after.</returns>
    /// <exception cref="ArgumentException">It is not such a cursor.</exception>
    public static (long UtcTicks, string ResponseId) ParseCursor(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var colon = cursor.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !long.TryParse(cursor.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw new ArgumentException($"'{cursor}' is not a slice cursor.", nameof(cursor));
        }

        return (ticks, cursor[(colon + 1)..]);
    }

    /// <summary>Reads every page of a slice, one page in memory at a time.</summary>
    /// <param name="source">The source.</param>
    /// <param name="query">The query of the first page.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The responses of all pages, in order.</returns>
    public static async IAsyncEnumerable<SurveyResponse> ReadAllAsync(IResponseSliceSource source, ResponseSliceQuery query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(query);
        for (var page = query; ;)
        {
            var slice = await source.ReadSliceAsync(page, cancellationToken).ConfigureAwait(false);
            foreach (var response in slice.Responses) yield return response;
            if (slice.NextCursor is not { } next) yield break;
            page = page with { After = next };
        }
    }
}

namespace Nps.Stores;

/// <summary>
/// Where a median sits among <c>count</c> sorted rows: the one middle row of an odd count, the two of an even count,
/// read with <c>ORDER BY … LIMIT take OFFSET skip</c> from an index instead of reading every row.
/// </summary>
internal static class MiddleRows
{
    /// <summary>The rows to skip and to take for the median of <paramref name="count"/> (at least 1) sorted rows.</summary>
    public static (long Skip, long Take) Of(long count) => ((count - 1) / 2, count % 2 == 1 ? 1 : 2);
}

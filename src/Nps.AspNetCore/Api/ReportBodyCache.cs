using Nps.Segmentation;
using Nps.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary>
/// The report route's last bodies, each kept with the count rows it was built from. Every request that gets here (no
/// 304, no body kept for the current data version: <see cref="ReportRevalidation"/>) asks the store for its counts;
/// when they are the same rows, in the same order and to the last bit, as a kept entry's for
/// the same options, the entry's JSON is sent as it is, since the builder, the document and the serializer would
/// write those same bytes again (they are deterministic functions of the rows and options). Any difference,
/// a new response for example, rebuilds from the rows and replaces the entry, so a body is never stale.
/// </summary>
/// <remarks>
/// At the load test's 15,000 responses (about 3,400 rows for <c>by=team&amp;period=month</c>) comparing the rows
/// costs a few hundredths of a millisecond; building, mapping and serialising them about 1 ms. Bounded:
/// <see cref="Capacity"/> entries (least recently used leaves first), none with more than <see cref="MaxRows"/>
/// rows or <see cref="MaxBodyBytes"/> bytes; the key is <see cref="ReportRevalidation.NpsQuery"/>.
/// </remarks>
public sealed class ReportBodyCache
{
    /// <summary>How many queries keep a body.</summary>
    public const int Capacity = 16;

    /// <summary>Counts with more rows than this are built every time, not kept.</summary>
    public const int MaxRows = 100_000;

    /// <summary>Bodies larger than this are not kept.</summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _clock;

    /// <summary>The JSON of the report of the responses answered in [from, to): a kept body, or one built from the counts.</summary>
    /// <param name="counts">The store's counter.</param>
    /// <param name="options">The report's options.</param>
    /// <param name="from">The first instant counted, or null.</param>
    /// <param name="to">The instant where counting stops, or null.</param>
    /// <param name="cancellationToken">Cancels counting.</param>
    /// <returns>The same bytes as <c>NpsJson</c> writes for <c>NpsReportDocument.From(report)</c> (shared with the cache: read, never write).</returns>
    public async Task<byte[]> BodyAsync(INpsCountSource counts, NpsReportOptions options, DateTimeOffset? from, DateTimeOffset? to,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(options);
        var key = ReportRevalidation.NpsQuery(options, from, to);
        Entry? kept;
        lock (_lock) kept = _entries.GetValueOrDefault(key);

        // Compare while reading; at the first difference (or past the kept rows) build from what was read.
        var matched = 0;
        NpsReportBuilder? builder = null;
        Rows? read = null;
        await foreach (var row in counts.CountAsync(NpsCountQuery.For(options, from, to), cancellationToken).ConfigureAwait(false))
        {
            if (builder is null)
            {
                if (kept is not null && matched < kept.Rows.Count && Same(kept.Rows[matched], in row))
                {
                    matched++;
                    continue;
                }

                (builder, read) = Start(options, kept, matched);
            }

            builder.Add(in row);
            if (read is { Count: <= MaxRows }) read.Add(Copy(in row, read));
        }

        if (builder is null && kept is not null && matched == kept.Rows.Count)
        {
            lock (_lock) kept.LastUsed = ++_clock;
            return kept.Body;
        }

        // No difference seen, but fewer rows than kept (or nothing kept and no rows): build from the rows read.
        if (builder is null || read is null) (builder, read) = Start(options, kept, matched);

        var body = NpsJson.SerializeToUtf8Bytes(NpsReportDocument.From(builder.Build()));
        if (read.Count <= MaxRows && body.Length <= MaxBodyBytes) Keep(key, new Entry(read, body));
        return body;
    }

    /// <summary>A builder fed the kept entry's first <paramref name="matched"/> rows (equal to the store's so far), and those rows.</summary>
    private static (NpsReportBuilder Builder, Rows Read) Start(NpsReportOptions options, Entry? kept, int matched)
    {
        var builder = new NpsReportBuilder(options);
        var read = new Rows();
        for (var i = 0; i < matched; i++)
        {
            builder.Add(kept!.Rows[i]);
            read.Add(kept.Rows[i]);
        }

        return (builder, read);
    }

    private void Keep(string key, Entry entry)
    {
        lock (_lock)
        {
            entry.LastUsed = ++_clock;
            _entries[key] = entry;
            if (_entries.Count <= Capacity) return;
            var oldest = _entries.MinBy(e => e.Value.LastUsed).Key;
            _entries.Remove(oldest);
        }
    }

    /// <summary>Whether two rows are the same to the last bit (weights compared as stored, not within a tolerance).</summary>
    private static bool Same(in NpsCountRow kept, in NpsCountRow row)
    {
        if (kept.Period != row.Period || kept.Rating != row.Rating || kept.IsManual != row.IsManual || kept.IsUnsolicited != row.IsUnsolicited || kept.Count != row.Count
            || !kept.WeightSum.Equals(row.WeightSum) || !kept.SquaredWeightSum.Equals(row.SquaredWeightSum)
            || !kept.MinInclusionProbability.Equals(row.MinInclusionProbability) || !kept.MaxInclusionProbability.Equals(row.MaxInclusionProbability))
        {
            return false;
        }

        return SameValues(kept.DimensionValues, row.DimensionValues);
    }

    /// <summary>
    /// The row with values of its own, in case a store reuses its buffers between rows: the previous kept row's
    /// when they are equal (the rows of one cell come together), else a copy.
    /// </summary>
    private static NpsCountRow Copy(in NpsCountRow row, Rows read)
    {
        if (read.Count > 0 && read[read.Count - 1].DimensionValues is var previous && SameValues(previous, row.DimensionValues)) return row with { DimensionValues = previous };
        return row with { DimensionValues = [.. row.DimensionValues] };
    }

    private static bool SameValues(IReadOnlyList<string?> kept, IReadOnlyList<string?>? values)
    {
        if (values is null || values.Count != kept.Count) return false;
        for (var d = 0; d < values.Count; d++)
        {
            if (!string.Equals(kept[d], values[d], StringComparison.Ordinal)) return false;
        }

        return true;
    }

    private sealed class Entry(Rows rows, byte[] body)
    {
        public Rows Rows { get; } = rows;

        public byte[] Body { get; } = body;

        public long LastUsed { get; set; }
    }

    /// <summary>Rows in chunks small enough to stay off the large object heap, so keeping them neither copies nor collects much.</summary>
    private sealed class Rows
    {
        private const int ChunkSize = 1024; // 72 KB of rows, under the 85 KB large-object threshold
        private readonly List<NpsCountRow[]> _chunks = [];

        public int Count { get; private set; }

        public NpsCountRow this[int index] => _chunks[index / ChunkSize][index % ChunkSize];

        public void Add(in NpsCountRow row)
        {
            if (Count % ChunkSize == 0) _chunks.Add(new NpsCountRow[ChunkSize]);
            _chunks[^1][Count++ % ChunkSize] = row;
        }
    }
}

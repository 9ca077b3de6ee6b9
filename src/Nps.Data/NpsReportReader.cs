using Nps.Segmentation;

namespace Nps.Data;

/// <summary>
/// Reads a response file straight into an <see cref="NpsReport"/>, from bytes, with every check of
/// <see cref="SurveyResponseReader"/> on (rating, time with offset and plausibility, weights, booleans, kind,
/// duplicate ids) but without making a <see cref="SurveyResponse"/> per record. A UTF-8 CSV file is read by
/// several threads at once, split at record boundaries; counts per group merge exactly.
/// </summary>
public sealed class NpsReportReader : IDisposable
{
    private const long MinimumBytesPerThread = 4 << 20;

    private readonly RecordSource _source;
    private readonly DataReaderOptions _options;
    private readonly string? _path;
    private readonly long _dataStart;

    private ReportChunk?[]? _running;
    private long _runningStart;

    private NpsReportReader(RecordSource source, DataReaderOptions options, string? path, long dataStart)
    {
        _source = source;
        _options = options;
        _path = path;
        _dataStart = dataStart;
    }

    /// <summary>
    /// During <see cref="Read(NpsReportOptions, Action{DataError}?, int)"/>, the bytes of the file read so far (updated
    /// every 1,024 records, summed over the threads), for a progress display; safe to read from another thread.
    /// When a split read cannot be trusted and the file is read again sequentially, it starts over.
    /// </summary>
    public long BytesRead => Volatile.Read(ref _running) is { } chunks ? Volatile.Read(ref _runningStart) + chunks.Sum(c => c?.BytesRead ?? 0) : 0;

    /// <summary>The columns: the CSV header, or the JSON Lines keys met so far.</summary>
    public IReadOnlyList<string> Columns => _source.Columns.Names;

    /// <summary>Whether the file has the column <paramref name="name"/> (matched as columns are: ignoring case, <c>_</c> and <c>-</c>).</summary>
    /// <param name="name">A column name.</param>
    /// <returns>Whether it is among <see cref="Columns"/>.</returns>
    public bool HasColumn(string name) => _source.Columns.IndexOf(name) >= 0;

    /// <summary>Opens the file at <paramref name="path"/>: JSON Lines for <c>.jsonl</c>/<c>.ndjson</c>, CSV otherwise.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read; <see cref="DataReaderOptions.Default"/> when null.</param>
    /// <param name="reader">The reader, when the file can be read.</param>
    /// <param name="error">Why not (an empty file, a bad header, no rating column), when not.</param>
    /// <returns>Whether the reader is open.</returns>
    public static bool TryOpen(string path, DataReaderOptions? options, out NpsReportReader? reader, out DataError error)
    {
        ArgumentNullException.ThrowIfNull(path);
        var format = DataFormats.FromPath(path);
        options ??= DataReaderOptions.Default;
        var stream = RecordSources.OpenFile(path);
        var seekable = stream.CanSeek; // a pipe (/dev/stdin, <(…)) is read once, in order
        var source = RecordSources.TryOpen(stream, format, options, responses: true, out var transcoded, out error);
        if (source is null)
        {
            reader = null;
            return false;
        }

        // Only seekable UTF-8 CSV can be split by byte offsets; the header's end is where the records start.
        var parallel = format == DataFormat.Csv && !transcoded && seekable;
        var bom = parallel && StartsWithBom(path) ? 3 : 0;
        reader = new NpsReportReader(source, options, parallel ? path : null, source.Position + bom);
        return true;
    }

    /// <summary>Opens a stream (standard input, a pipe, a request body), read once and in order.</summary>
    /// <param name="stream">The data; disposed with the reader.</param>
    /// <param name="format">CSV or JSON Lines.</param>
    /// <param name="options">How to read; <see cref="DataReaderOptions.Default"/> when null.</param>
    /// <param name="reader">The reader, when the data can be read.</param>
    /// <param name="error">Why not (empty data, a bad header, no rating column), when not.</param>
    /// <returns>Whether the reader is open.</returns>
    public static bool TryOpen(Stream stream, DataFormat format, DataReaderOptions? options, out NpsReportReader? reader, out DataError error)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= DataReaderOptions.Default;
        var source = RecordSources.TryOpen(stream, format, options, responses: true, out _, out error);
        reader = source is null ? null : new NpsReportReader(source, options, null, source.Position);
        return reader is not null;
    }

    /// <summary>
    /// Reads every record into a report. Rejected records (skipping mode) are passed to <paramref name="rejected"/>
    /// in file order; in strict mode reading stops at the first error and the result has no report.
    /// </summary>
    /// <param name="report">What to group by and how to state uncertainty.</param>
    /// <param name="rejected">Called for each rejected record, when given.</param>
    /// <param name="threads">At most this many threads (at least 1); a small file is read by one.</param>
    /// <returns>The report, or the error that stopped reading, with the counts.</returns>
    public NpsReportReadResult Read(NpsReportOptions report, Action<DataError>? rejected = null, int threads = 1) =>
        Read(report, rejected, threads, MinimumBytesPerThread);

    /// <summary>As the public method, with a smaller floor per thread so tests can split small files.</summary>
    internal NpsReportReadResult Read(NpsReportOptions report, Action<DataError>? rejected, int threads, long minimumBytesPerThread)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var builder = new NpsReportBuilder(report);
        var now = _options.Clock.GetUtcNow();
        var length = _path is null ? 0 : new FileInfo(_path).Length;
        threads = (int)Math.Min(threads, Math.Max(1, (length - _dataStart) / minimumBytesPerThread));

        // A file is read by stretches (even on one thread: the ids are then checked in cache-sized buckets after the read, 8 bytes per record);
        // the exact sequential read below is the fallback when a stretch cannot be trusted.
        if (_path is not null && ReadParallel(report, threads, now, builder, rejected) is { } result)
        {
            return result;
        }

        var chunk = new ReportChunk(_source, report, _options, now, ids: null);
        Volatile.Write(ref _runningStart, 0);
        Volatile.Write(ref _running, [chunk]);
        chunk.Run(long.MaxValue, rejected);
        if (chunk.Stopped)
        {
            return new NpsReportReadResult(null, chunk.Records, 0, chunk.WeightsBelowOne, chunk.Errors[0], Columns);
        }

        chunk.ReplayInto(builder);
        return new NpsReportReadResult(builder.Build(), chunk.Records, chunk.Errors.Count, chunk.WeightsBelowOne, null, Columns);
    }

    /// <summary>The read by stretches, one per thread; null when it cannot be trusted (a record straddled a split, or an id repeated), so the caller reads sequentially.</summary>
    private NpsReportReadResult? ReadParallel(NpsReportOptions report, int threads, DateTimeOffset now, NpsReportBuilder builder, Action<DataError>? rejected)
    {
        var path = _path!;
        var length = new FileInfo(path).Length;
        var starts = new long[threads + 1];
        starts[0] = _dataStart;
        starts[threads] = length;
        for (var k = 1; k < threads; k++)
        {
            starts[k] = NextLineStart(path, _dataStart + ((length - _dataStart) * k / threads), length);
        }

        var ids = new IdHashBuckets[threads];
        var chunks = new ReportChunk[threads];
        Volatile.Write(ref _runningStart, _dataStart);
        Volatile.Write(ref _running, chunks);
        var delimiter = ((CsvRecordSource)_source).Delimiter;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, k =>
        {
            var stream = RecordSources.OpenFile(path);
            stream.Position = starts[k];
            var source = new CsvRecordSource(stream, _options.MaxRecordSize, firstLine: 1);
            source.UseHeader(delimiter, _source.Columns);
            using (source)
            {
                ids[k] = new IdHashBuckets();
                chunks[k] = new ReportChunk(source, report, _options, now, ids[k]);
                chunks[k].Run(starts[k + 1] - starts[k], rejected: null);
            }
        });

        for (var k = 0; k < threads; k++)
        {
            if (!chunks[k].Stopped && starts[k] + chunks[k].EndPosition != starts[k + 1])
            {
                return null;
            }
        }

        if (IdHashBuckets.AnyRepeat(ids))
        {
            return null;
        }

        // Lines: the first stretch continues the header's numbering; each later one continues the one before.
        var firstLine = _source.Line;
        var errors = new List<DataError>();
        long records = 0, weightsBelowOne = 0;
        var lineBase = firstLine - 1;
        foreach (var chunk in chunks)
        {
            foreach (var error in chunk.Errors)
            {
                errors.Add(error.AtLine(error.Line + lineBase));
            }

            records += chunk.Records;
            weightsBelowOne += chunk.WeightsBelowOne;
            if (chunk.Stopped)
            {
                return new NpsReportReadResult(null, records, 0, weightsBelowOne, errors[0], Columns);
            }

            lineBase += chunk.EndLine - 1;
        }

        foreach (var error in errors)
        {
            rejected?.Invoke(error);
        }

        foreach (var chunk in chunks)
        {
            chunk.ReplayInto(builder);
        }

        return new NpsReportReadResult(builder.Build(), records, errors.Count, weightsBelowOne, null, Columns);
    }

    /// <summary>The position just after the first line feed at or after <paramref name="from"/>.</summary>
    private static long NextLineStart(string path, long from, long length)
    {
        using var stream = RecordSources.OpenFile(path);
        stream.Position = from;
        var buffer = new byte[1 << 16];
        var position = from;
        while (position < length)
        {
            var read = stream.Read(buffer);
            if (read == 0)
            {
                break;
            }

            var newline = buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return position + newline + 1;
            }

            position += read;
        }

        return length;
    }

    private static bool StartsWithBom(string path)
    {
        using var stream = RecordSources.OpenFile(path);
        Span<byte> start = stackalloc byte[3];
        return stream.ReadAtLeast(start, 3, throwOnEndOfStream: false) == 3 && start.SequenceEqual((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _source.Dispose();
}

namespace Nps.Data;

/// <summary>
/// A forward-only reader of records of type <typeparamref name="T"/> from a CSV or JSON Lines stream. Each
/// record is either a value or a <see cref="DataError"/>; nothing is dropped silently. With
/// <see cref="DataReaderOptions.SkipInvalid"/> off, reading stops at the first error (<see cref="Failure"/>);
/// with it on, that record alone is rejected (<see cref="Rejected"/>) and reading goes on.
/// </summary>
/// <typeparam name="T">What a record becomes.</typeparam>
public abstract class DataReader<T> : IDisposable
    where T : class
{
    private readonly RecordSource _source;
    private readonly RawRecord _record = new();

    private protected DataReader(RecordSource source, DataReaderOptions options)
    {
        _source = source;
        Options = options;
    }

    /// <summary>The options.</summary>
    public DataReaderOptions Options { get; }

    /// <summary>The columns: the CSV header, or the JSON Lines keys met so far.</summary>
    public IReadOnlyList<string> Columns => _source.Columns.Names;

    /// <summary>Records read so far, valid or not (blank lines are not records).</summary>
    public long Records { get; private set; }

    /// <summary>The 1-based line the record last read starts on (0 before the first).</summary>
    public long Line { get; private set; }

    /// <summary>Records rejected so far (skipping mode).</summary>
    public long Rejected { get; private set; }

    /// <summary>The error that stopped reading (strict mode), or null.</summary>
    public DataError? Failure { get; private set; }

    /// <summary>The largest input buffer held so far, in bytes: bounded by the maximum record size, never by the file.</summary>
    public int BufferHighWaterMark => _source.BufferHighWaterMark;

    private protected RecordSource Source => _source;

    /// <summary>
    /// Reads the next record. Returns <see langword="false"/> at the end (or once reading has stopped at an error);
    /// otherwise exactly one of <paramref name="value"/> and <paramref name="error"/> is set.
    /// </summary>
    /// <param name="value">The record's value, when valid.</param>
    /// <param name="error">Why the record is invalid, when it is.</param>
    /// <returns>Whether a record was read.</returns>
    public bool Read(out T? value, out DataError? error)
    {
        value = null;
        error = null;
        if (Failure is not null || !_source.Read(_record))
        {
            return false;
        }

        Records++;
        Line = _record.Line;
        if (_record.Error is { } structural)
        {
            error = structural;
        }
        else if (!TryConvert(_record, out value, out var invalid))
        {
            error = invalid;
        }

        if (error is { } problem)
        {
            if (Options.SkipInvalid)
            {
                Rejected++;
            }
            else
            {
                Failure = problem;
            }
        }

        return true;
    }

    /// <summary>
    /// The valid records, in file order. Each rejected record is passed to <paramref name="rejected"/> (skipping
    /// mode); in strict mode the first error throws a <see cref="DataException"/> carrying it (and <see cref="Failure"/>
    /// holds it), so a read that stopped can never pass for a complete one.
    /// </summary>
    /// <param name="rejected">Called for each rejected record, when given.</param>
    /// <returns>The valid records.</returns>
    /// <exception cref="DataException">Strict mode: a record is invalid.</exception>
    public IEnumerable<T> ReadAll(Action<DataError>? rejected = null)
    {
        while (Read(out var value, out var error))
        {
            if (value is not null)
            {
                yield return value;
            }
            else if (error is { } problem)
            {
                if (!Options.SkipInvalid) throw new DataException(problem);
                rejected?.Invoke(problem);
            }
        }
    }

    /// <summary>Gives meaning to one structurally valid record.</summary>
    private protected abstract bool TryConvert(RawRecord record, out T? value, out DataError error);

    /// <summary>Disposes the underlying stream.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the underlying stream.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _source.Dispose();
        }
    }
}

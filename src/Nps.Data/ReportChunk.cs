using Nps.Segmentation;

namespace Nps.Data;

/// <summary>
/// Reads the response records of one stretch of a file (all of it, or one part of a parallel read) into counts
/// per group, with every check on: rating, time with offset and its plausibility, weights, booleans, kind,
/// duplicate ids. Dimension values become dense ids once (no allocation for a repeated value); periods come
/// from a calendar cached per quarter hour.
/// </summary>
internal sealed class ReportChunk
{
    private readonly RecordSource _source;
    private readonly NpsReportOptions _report;
    private readonly bool _skip;
    private readonly IdHashBuckets? _ids;
    private readonly ResponseParser _parser;
    private readonly Utf8Interner[] _interners;
    private readonly int[] _columns;
    private readonly bool[] _isKind;
    private readonly PeriodCalendar? _calendar;
    private readonly GroupCounts _groups;
    private readonly string? _missingTime;
    private readonly RawRecord _record = new();
    private readonly List<double> _probabilities = [];
    private readonly Dictionary<long, int> _probabilityIds = [];
    private long _lastProbabilityBits = -1;
    private int _lastProbability = -1;
    private int _version = -1;
    private long _bytesRead;

    public ReportChunk(RecordSource source, NpsReportOptions report, DataReaderOptions options, DateTimeOffset now, IdHashBuckets? ids)
    {
        _source = source;
        _report = report;
        _skip = options.SkipInvalid;
        _ids = ids;
        _parser = new ResponseParser(source.Columns, options, now);
        var dimensions = report.Dimensions.Count;
        _interners = new Utf8Interner[dimensions];
        _columns = new int[dimensions];
        _isKind = new bool[dimensions];
        var kindNames = new ColumnSet();
        kindNames.Add(ResponseColumns.SurveyKind);
        kindNames.Add("kind");
        for (var d = 0; d < dimensions; d++)
        {
            _interners[d] = new Utf8Interner();
            _isKind[d] = kindNames.IndexOf(report.Dimensions[d]) >= 0;
        }

        if (report.Period is { } period)
        {
            _calendar = new PeriodCalendar(period, report.TimeZone);
            _missingTime = $"{ResponseColumns.RespondedAt} is required to group by period";
        }

        _groups = new GroupCounts((_calendar is null ? 0 : 1) + dimensions + 2);
    }

    /// <summary>The errors met, in order (lines relative to where this stretch started).</summary>
    public List<DataError> Errors { get; } = [];

    /// <summary>Records read, valid or not.</summary>
    public long Records { get; private set; }

    /// <summary>Valid records whose weight was below 1.</summary>
    public long WeightsBelowOne { get; private set; }

    /// <summary>Whether reading stopped at an error (strict mode).</summary>
    public bool Stopped { get; private set; }

    /// <summary>The stream position after the last record read.</summary>
    public long EndPosition => _source.Position;

    /// <summary>The physical line after the last record read (relative to the stretch's first line).</summary>
    public long EndLine => _source.Line;

    /// <summary>Bytes of this stretch read so far, updated every 1,024 records; safe to read from another thread.</summary>
    public long BytesRead => Volatile.Read(ref _bytesRead);

    /// <summary>Reads records until one starts at or after <paramref name="end"/> (or the data ends, or an error stops it).</summary>
    public void Run(long end, Action<DataError>? rejected)
    {
        var record = _record;
        Span<int> key = stackalloc int[_groups.Width];
        var dimensions = _interners.Length;
        var keyStart = _calendar is null ? 0 : 1;
        while (_source.Position < end && _source.Read(record))
        {
            Records++;
            if ((Records & 1023) == 0) Volatile.Write(ref _bytesRead, _source.Position);
            if (!TryCount(record, key, keyStart, dimensions, out var error))
            {
                Errors.Add(error);
                if (!_skip)
                {
                    Stopped = true;
                    Volatile.Write(ref _bytesRead, _source.Position);
                    return;
                }

                rejected?.Invoke(error);
            }
        }

        Volatile.Write(ref _bytesRead, _source.Position);
    }

    private bool TryCount(RawRecord record, Span<int> key, int keyStart, int dimensions, out DataError error)
    {
        if (record.Error is { } structural)
        {
            error = structural;
            return false;
        }

        if (!_parser.TryParse(record, _missingTime, checkDuplicates: _ids is null, out var parsed, out error))
        {
            return false;
        }

        if (_ids is not null && _parser.ResponseId >= 0)
        {
            var id = Utf8Text.Trim(record[_parser.ResponseId]);
            if (!id.IsEmpty)
            {
                _ids.Add(IdTable.Hash(id)); // checked after the read: a repeat makes it fall back to the sequential one
            }
        }

        RefreshColumns();
        if (_calendar is not null)
        {
            key[0] = _calendar.PeriodId(parsed.LocalTicks - (parsed.OffsetMinutes * TimeSpan.TicksPerMinute));
        }

        for (var d = 0; d < dimensions; d++)
        {
            ReadOnlySpan<byte> value;
            if (_isKind[d])
            {
                value = parsed.Kind == SurveyKind.Relational ? "relational"u8 : "transactional"u8;
            }
            else
            {
                value = _columns[d] >= 0 ? record[_columns[d]] : default;
            }

            key[keyStart + d] = value.IsEmpty ? 0 : _interners[d].Id(value);
        }

        key[keyStart + dimensions] = ProbabilityId(parsed.InclusionProbability);
        key[keyStart + dimensions + 1] = parsed.IsManual ? 1 : 0;
        _groups.Add(key, parsed.Rating.Value);
        WeightsBelowOne += parsed.Weight < 1 ? 1 : 0;
        return true;
    }

    /// <summary>A dense id per distinct inclusion probability (usually one or a few per file, so the last is cached; the key then packs into 64 bits).</summary>
    private int ProbabilityId(double probability)
    {
        var bits = BitConverter.DoubleToInt64Bits(probability);
        if (bits == _lastProbabilityBits)
        {
            return _lastProbability;
        }

        if (!_probabilityIds.TryGetValue(bits, out var id))
        {
            id = _probabilities.Count;
            _probabilities.Add(probability);
            _probabilityIds.Add(bits, id);
        }

        _lastProbabilityBits = bits;
        _lastProbability = id;
        return id;
    }

    private void RefreshColumns()
    {
        var columns = _source.Columns;
        if (_version == columns.Version)
        {
            return;
        }

        _version = columns.Version;
        for (var d = 0; d < _columns.Length; d++)
        {
            _columns[d] = columns.IndexOf(_report.Dimensions[d]);
        }
    }

    /// <summary>Adds the counts to <paramref name="builder"/>, one call per group and rating.</summary>
    public void ReplayInto(NpsReportBuilder builder)
    {
        var dimensions = _interners.Length;
        var keyStart = _calendar is null ? 0 : 1;
        var values = new string?[dimensions];
        for (var g = 0; g < _groups.Count; g++)
        {
            var key = _groups.Key(g);
            var at = _calendar is null ? default : _calendar.Buckets[key[0]].GetStartInstant(_report.TimeZone);
            for (var d = 0; d < dimensions; d++)
            {
                values[d] = _interners[d][key[keyStart + d]];
            }

            var probability = _probabilities[key[keyStart + dimensions]];
            var manual = key[keyStart + dimensions + 1] == 1;
            var counts = _groups.Counts(g);
            for (var rating = 0; rating < counts.Length; rating++)
            {
                if (counts[rating] > 0)
                {
                    builder.Add(at, NpsRating.From(rating), values, probability, manual, counts[rating]);
                }
            }
        }
    }
}

namespace Nps.Samples.Console.Input;

/// <summary>
/// Turns raw records into validated <see cref="ResponseRow"/>s, one at a time. Each invalid record yields an
/// <see cref="InputError"/> naming its line, column and reason instead; nothing is dropped silently.
/// </summary>
/// <remarks>
/// Duplicate detection keeps a 64-bit hash per response id (not the id itself), so memory grows by about
/// 30 bytes per row rather than by the file size; a false "duplicate" needs a 64-bit collision.
/// </remarks>
public sealed class ResponseReader(IRecordReader reader, bool requireTimestamp)
{
    private readonly Dictionary<ulong, long> firstLineById = [];

    /// <summary>The underlying reader (its columns are the dimensions plus the reserved columns).</summary>
    public IRecordReader Records => reader;

    /// <summary>Reads every record: either a valid row or the error that made it invalid.</summary>
    public IEnumerable<(ResponseRow Row, InputError? Error)> Read()
    {
        foreach (var record in reader.ReadRecords())
        {
            if (record.Error is { } structural)
            {
                yield return (default, structural);
                continue;
            }

            yield return TryParse(record, out var row, out var error) ? (row, null) : (default, error);
        }
    }

    private bool TryParse(RawRecord record, out ResponseRow row, out InputError error)
    {
        row = default;
        var line = record.Line;
        if (reader.IndexOf(ResponseColumns.Rating) < 0)
        {
            error = new InputError(line, ResponseColumns.Rating, "rating is required but the file has no rating column");
            return false;
        }

        if (!CellParsers.TryParseRating(Cell(record, ResponseColumns.Rating), out var rating, out var reason))
        {
            return Fail(line, ResponseColumns.Rating, reason, out error);
        }

        DateTimeOffset? respondedAt = null;
        var timestampText = Cell(record, ResponseColumns.RespondedAt);
        if (!string.IsNullOrWhiteSpace(timestampText))
        {
            if (!CellParsers.TryParseTimestamp(timestampText, out var timestamp, out reason))
            {
                return Fail(line, ResponseColumns.RespondedAt, reason, out error);
            }

            respondedAt = timestamp;
        }
        else if (requireTimestamp)
        {
            return Fail(line, ResponseColumns.RespondedAt, "responded_at is required to group by period", out error);
        }

        var weight = 1.0;
        var weightText = Cell(record, ResponseColumns.Weight);
        var probabilityText = Cell(record, ResponseColumns.InclusionProbability);
        if (!string.IsNullOrWhiteSpace(weightText))
        {
            if (!CellParsers.TryParseWeight(weightText, out weight, out reason))
            {
                return Fail(line, ResponseColumns.Weight, reason, out error);
            }
        }
        else if (!string.IsNullOrWhiteSpace(probabilityText))
        {
            if (!CellParsers.TryParseProbability(probabilityText, out var probability, out reason))
            {
                return Fail(line, ResponseColumns.InclusionProbability, reason, out error);
            }

            weight = 1 / probability;
        }

        if (!CellParsers.TryParseBoolean(Cell(record, ResponseColumns.Manual), out var manual, out reason))
        {
            return Fail(line, ResponseColumns.Manual, reason, out error);
        }

        if (!CellParsers.TryParseBoolean(Cell(record, ResponseColumns.CallbackRequested), out var callback, out reason))
        {
            return Fail(line, ResponseColumns.CallbackRequested, reason, out error);
        }

        var id = Cell(record, ResponseColumns.ResponseId);
        if (!string.IsNullOrEmpty(id))
        {
            var hash = Fnv1a64(id);
            if (!firstLineById.TryAdd(hash, line))
            {
                return Fail(line, ResponseColumns.ResponseId, $"duplicate response_id '{id}' (first seen on line {firstLineById[hash]})", out error);
            }
        }

        var comment = Cell(record, ResponseColumns.Comment);
        row = new ResponseRow(line, string.IsNullOrEmpty(id) ? null : id, rating, respondedAt, weight, 1 / weight, manual, callback,
            string.IsNullOrWhiteSpace(comment) ? null : comment, record);
        error = default;
        return true;
    }

    private string? Cell(RawRecord record, string column) => record[reader.IndexOf(column)];

    private static bool Fail(long line, string column, string reason, out InputError error)
    {
        error = new InputError(line, column, reason);
        return false;
    }

    private static ulong Fnv1a64(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}

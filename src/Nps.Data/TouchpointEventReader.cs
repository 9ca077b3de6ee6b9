using System.Text;
using Nps.Sampling;
using Nps.Touchpoints;

namespace Nps.Data;

/// <summary>
/// Reads <see cref="TouchpointEvent"/>s (a contact log) from CSV or JSON Lines: <c>customer_id</c>, <c>event_id</c>
/// and <c>occurred_at</c> (ISO 8601 with offset) are required; <c>survey_kind</c> (or <c>kind</c>), <c>touchpoint</c>,
/// <c>channel</c>, <c>team</c>, <c>agent</c>, <c>product</c>, <c>followup</c> (or <c>is_follow_up</c>),
/// <c>complaint_open</c>, <c>time_zone</c> (or <c>time_zone_id</c>), <c>relationship_start</c> and
/// <c>email_domain</c> are optional; every other column becomes a free attribute. A blank value means absent.
/// </summary>
public sealed class TouchpointEventReader : DataReader<TouchpointEvent>
{
    private readonly ColumnSet _columns;
    private readonly DateTimeOffset _now;
    private int _version = -1;
    private int _customer, _event, _occurred, _kind, _touchpoint, _channel, _team, _agent, _product, _followUp, _complaint, _zone, _start, _domain;
    private bool[] _known = [];

    private TouchpointEventReader(RecordSource source, DataReaderOptions options)
        : base(source, options)
    {
        _columns = source.Columns;
        _now = options.Clock.GetUtcNow();
    }

    /// <summary>Opens a reader over <paramref name="stream"/> (which it disposes).</summary>
    /// <param name="stream">The data: UTF-8 with or without a byte-order mark, or UTF-16 with one.</param>
    /// <param name="format">CSV or JSON Lines.</param>
    /// <param name="options">How to read; <see cref="DataReaderOptions.Default"/> when null.</param>
    /// <param name="reader">The reader, when the data can be read.</param>
    /// <param name="error">Why not (an empty file, a bad header), when not.</param>
    /// <returns>Whether the reader is open.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static bool TryOpen(Stream stream, DataFormat format, DataReaderOptions? options, out TouchpointEventReader? reader, out DataError error)
    {
        options ??= DataReaderOptions.Default;
        var source = RecordSources.TryOpen(stream, format, options, responses: false, out _, out error);
        if (source is null)
        {
            reader = null;
            return false;
        }

        reader = new TouchpointEventReader(source, options);
        return true;
    }

    /// <summary>Opens the file at <paramref name="path"/>: JSON Lines for <c>.jsonl</c>/<c>.ndjson</c>, CSV otherwise.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read; <see cref="DataReaderOptions.Default"/> when null.</param>
    /// <param name="reader">The reader, when the file can be read.</param>
    /// <param name="error">Why not, when not.</param>
    /// <returns>Whether the reader is open.</returns>
    public static bool TryOpen(string path, DataReaderOptions? options, out TouchpointEventReader? reader, out DataError error) =>
        TryOpen(RecordSources.OpenFile(path), DataFormats.FromPath(path), options, out reader, out error);

    /// <summary>After reading: the error for a file with no record and no column at all (an empty JSON Lines file), else null.</summary>
    public DataError? EmptyFile => Records == 0 && Columns.Count == 0 ? new DataError(1, null, "the file is empty") : null;

    private void Refresh()
    {
        if (_version == _columns.Version)
        {
            return;
        }

        _version = _columns.Version;
        _customer = _columns.IndexOf("customer_id");
        _event = _columns.IndexOf("event_id");
        _occurred = _columns.IndexOf("occurred_at");
        _kind = _columns.IndexOfAny(["survey_kind", "kind"]);
        _touchpoint = _columns.IndexOf("touchpoint");
        _channel = _columns.IndexOf("channel");
        _team = _columns.IndexOf("team");
        _agent = _columns.IndexOf("agent");
        _product = _columns.IndexOf("product");
        _followUp = _columns.IndexOfAny(["followup", "is_follow_up"]);
        _complaint = _columns.IndexOfAny(["complaint_open", "is_complaint_open"]);
        _zone = _columns.IndexOfAny(["time_zone", "time_zone_id"]);
        _start = _columns.IndexOf("relationship_start");
        _domain = _columns.IndexOf("email_domain");
        _known = new bool[_columns.Count];
        foreach (var index in (ReadOnlySpan<int>)[_customer, _event, _occurred, _kind, _touchpoint, _channel, _team, _agent, _product, _followUp, _complaint, _zone, _start, _domain])
        {
            if (index >= 0)
            {
                _known[index] = true;
            }
        }
    }

    private string Name(int column, string fallback) => column >= 0 ? _columns[column] : fallback;

    private protected override bool TryConvert(RawRecord record, out TouchpointEvent? value, out DataError error)
    {
        Refresh();
        value = null;
        var line = record.Line;
        var customerId = Value(record, _customer);
        if (customerId is null)
        {
            error = new DataError(line, Name(_customer, "customer_id"), "customer_id is required");
            return false;
        }

        var eventId = Value(record, _event);
        if (eventId is null)
        {
            error = new DataError(line, Name(_event, "event_id"), "event_id is required");
            return false;
        }

        var occurredField = Name(_occurred, "occurred_at");
        if (_occurred < 0 || Utf8Text.IsBlank(record[_occurred]))
        {
            error = new DataError(line, occurredField, "occurred_at is required");
            return false;
        }

        if (!FieldParsers.TryParseTime(record[_occurred], occurredField, out var occurredAt, out error) ||
            !Options.Limits.TryCheckTime(occurredAt, occurredField, _now, out error))
        {
            error = error.AtLine(line);
            return false;
        }

        var kind = SurveyKind.Transactional;
        bool followUp = false, complaintOpen = false;
        if ((_kind >= 0 && !FieldParsers.TryParseSurveyKind(record[_kind], Name(_kind, "survey_kind"), out kind, out error)) ||
            (_followUp >= 0 && !FieldParsers.TryParseBoolean(record[_followUp], Name(_followUp, "followup"), out followUp, out error)) ||
            (_complaint >= 0 && !FieldParsers.TryParseBoolean(record[_complaint], Name(_complaint, "complaint_open"), out complaintOpen, out error)))
        {
            error = error.AtLine(line);
            return false;
        }

        var timeZone = Value(record, _zone);
        if (timeZone is not null && !FieldParsers.TryParseTimeZone(timeZone, Name(_zone, "time_zone"), out _, out error))
        {
            error = error.AtLine(line);
            return false;
        }

        DateTimeOffset? relationshipStart = null;
        if (_start >= 0 && !Utf8Text.IsBlank(record[_start]))
        {
            if (!FieldParsers.TryParseTime(record[_start], Name(_start, "relationship_start"), out var start, out error))
            {
                error = error.AtLine(line);
                return false;
            }

            relationshipStart = start;
        }

        Dictionary<string, string>? attributes = null;
        for (var i = 0; i < record.FieldCount; i++)
        {
            if ((i >= _known.Length || !_known[i]) && Value(record, i) is { } attribute)
            {
                (attributes ??= new Dictionary<string, string>(StringComparer.Ordinal))[_columns[i]] = attribute;
            }
        }

        value = new TouchpointEvent
        {
            CustomerId = customerId,
            EventId = eventId,
            OccurredAt = occurredAt,
            Kind = kind,
            Touchpoint = Value(record, _touchpoint),
            Channel = Value(record, _channel),
            Team = Value(record, _team),
            Agent = Value(record, _agent),
            Product = Value(record, _product),
            Attributes = attributes,
            IsFollowUp = followUp,
            IsComplaintOpen = complaintOpen,
            TimeZoneId = timeZone,
            RelationshipStart = relationshipStart,
            EmailDomain = Value(record, _domain),
        };
        error = default;
        return true;
    }

    /// <summary>A trimmed value; null when absent or blank.</summary>
    private static string? Value(RawRecord record, int column)
    {
        if (column < 0 || !record.Has(column))
        {
            return null;
        }

        var value = Utf8Text.Trim(record[column]);
        return value.IsEmpty ? null : Encoding.UTF8.GetString(value);
    }
}

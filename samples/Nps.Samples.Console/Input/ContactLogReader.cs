using Nps.Sampling;

namespace Nps.Samples.Console.Input;

/// <summary>
/// Turns the records of a contact log into <see cref="TouchpointEvent"/>s: <c>customer_id</c>, <c>event_id</c>,
/// <c>occurred_at</c> (ISO 8601 with offset) are required; <c>survey_kind</c> (transactional|relational),
/// <c>touchpoint</c>, <c>channel</c>, <c>team</c>, <c>agent</c>, <c>product</c>, <c>followup</c>,
/// <c>complaint_open</c>, <c>time_zone</c>, <c>relationship_start</c> and <c>email_domain</c> are optional;
/// every other column becomes a free attribute. An empty cell means absent.
/// </summary>
public sealed class ContactLogReader(IRecordReader reader)
{
    private static readonly HashSet<string> Known = new(
        ["customer_id", "event_id", "occurred_at", "survey_kind", "touchpoint", "channel", "team", "agent", "product",
         "followup", "complaint_open", "time_zone", "relationship_start", "email_domain"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads every record: either an event or the error that made it invalid.</summary>
    public IEnumerable<(TouchpointEvent? Event, InputError? Error)> Read()
    {
        foreach (var record in reader.ReadRecords())
        {
            if (record.Error is { } structural)
            {
                yield return (null, structural);
                continue;
            }

            yield return TryParse(record, out var touchpoint, out var error) ? (touchpoint, null) : (null, error);
        }
    }

    private bool TryParse(RawRecord record, out TouchpointEvent? touchpoint, out InputError error)
    {
        touchpoint = null;
        var line = record.Line;
        var customerId = Cell(record, "customer_id");
        var eventId = Cell(record, "event_id");
        if (customerId is null)
        {
            return Fail(line, "customer_id", "customer_id is required", out error);
        }

        if (eventId is null)
        {
            return Fail(line, "event_id", "event_id is required", out error);
        }

        if (!CellParsers.TryParseTimestamp(Cell(record, "occurred_at"), out var occurredAt, out var reason))
        {
            return Fail(line, "occurred_at", Cell(record, "occurred_at") is null ? "occurred_at is required" : reason, out error);
        }

        var kind = SurveyKind.Transactional;
        switch (Cell(record, "survey_kind")?.ToUpperInvariant())
        {
            case null or "TRANSACTIONAL":
                break;
            case "RELATIONAL":
                kind = SurveyKind.Relational;
                break;
            default:
                return Fail(line, "survey_kind", $"survey_kind must be transactional or relational, got '{Cell(record, "survey_kind")}'", out error);
        }

        if (!CellParsers.TryParseBoolean(Cell(record, "followup"), out var followUp, out reason))
        {
            return Fail(line, "followup", reason, out error);
        }

        if (!CellParsers.TryParseBoolean(Cell(record, "complaint_open"), out var complaintOpen, out reason))
        {
            return Fail(line, "complaint_open", reason, out error);
        }

        var timeZone = Cell(record, "time_zone");
        if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            return Fail(line, "time_zone", $"'{timeZone}' is not a known IANA time zone", out error);
        }

        DateTimeOffset? relationshipStart = null;
        if (Cell(record, "relationship_start") is { } startText)
        {
            if (!CellParsers.TryParseTimestamp(startText, out var start, out reason))
            {
                return Fail(line, "relationship_start", reason, out error);
            }

            relationshipStart = start;
        }

        Dictionary<string, string>? attributes = null;
        for (var i = 0; i < reader.Columns.Count; i++)
        {
            if (!Known.Contains(reader.Columns[i]) && record[i] is { Length: > 0 } value)
            {
                (attributes ??= new Dictionary<string, string>(StringComparer.Ordinal))[reader.Columns[i]] = value;
            }
        }

        touchpoint = new TouchpointEvent
        {
            CustomerId = customerId,
            EventId = eventId,
            OccurredAt = occurredAt,
            Kind = kind,
            Touchpoint = Cell(record, "touchpoint"),
            Channel = Cell(record, "channel"),
            Team = Cell(record, "team"),
            Agent = Cell(record, "agent"),
            Product = Cell(record, "product"),
            Attributes = attributes,
            IsFollowUp = followUp,
            IsComplaintOpen = complaintOpen,
            TimeZoneId = timeZone,
            RelationshipStart = relationshipStart,
            EmailDomain = Cell(record, "email_domain"),
        };
        error = default;
        return true;
    }

    private string? Cell(RawRecord record, string column) =>
        record[reader.IndexOf(column)] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool Fail(long line, string column, string reason, out InputError error)
    {
        error = new InputError(line, column, reason);
        return false;
    }
}

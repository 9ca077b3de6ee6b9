using System.Data.Common;
using Nps.Delivery;
using Nps.Serialization;

// Compiled into Nps.Sqlite and Nps.PostgreSql (linked source, internal in each).
namespace Nps.Stores;

/// <summary>
/// The outbox rules both relational invitation stores share: what a claim may ask for, and how an <c>nps_invitations</c>
/// row reads (each store keeps its column types: how a time and the attributes are stored is its dialect).
/// </summary>
internal static class InvitationRows
{
    /// <summary>Checks the arguments of <see cref="IInvitationStore.ClaimDueAsync"/>: 1 to 10,000 invitations, for a positive lease.</summary>
    public static void CheckClaim(int limit, TimeSpan lease)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 10_000);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
    }

    /// <summary>A stored status (its wire name); a name this version does not know is bad data.</summary>
    public static InvitationStatus Status(string stored) =>
        WireNames.TryParse<InvitationStatus>(stored, out var status) ? status : throw new InvalidDataException($"Unknown invitation status '{stored}'.");

    /// <summary>
    /// Reads the row the reader is on, selected as <c>invitation_id, customer_id, event_id, kind, team, agent, channel,
    /// product, touchpoint, attributes, time_zone_id, inclusion_probability, is_manual, scheduled_at, sent_at, expires_at,
    /// status, reminders, failure_reason, due_at, attempts, token_hash</c>.
    /// </summary>
    /// <param name="r">The reader.</param>
    /// <param name="time">Reads a time column (null when NULL), as the store keeps times.</param>
    /// <param name="attributes">The row's attributes, as the store keeps them (column 9).</param>
    public static SurveyInvitation Read(DbDataReader r, Func<DbDataReader, int, DateTimeOffset?> time, IReadOnlyDictionary<string, string> attributes) => new()
    {
        Id = r.GetString(0), CustomerId = r.GetString(1), EventId = r.GetString(2), Kind = (SurveyKind)r.GetInt32(3),
        Team = Text(r, 4), Agent = Text(r, 5), Channel = Text(r, 6), Product = Text(r, 7), Touchpoint = Text(r, 8), Attributes = attributes,
        TimeZoneId = Text(r, 10), InclusionProbability = r.GetDouble(11), IsManual = r.GetBoolean(12), ScheduledAt = time(r, 13)!.Value,
        SentAt = time(r, 14), ExpiresAt = time(r, 15), Status = Status(r.GetString(16)),
        Reminders = r.GetInt32(17), FailureReason = Text(r, 18), DueAt = time(r, 19), Attempts = r.GetInt32(20),
        TokenHash = r.IsDBNull(21) ? ReadOnlyMemory<byte>.Empty : r.GetFieldValue<byte[]>(21),
    };

    private static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}

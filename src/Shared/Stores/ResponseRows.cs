using System.Data.Common;
using System.Runtime.CompilerServices;
using Nps.Intake;

// Compiled into Nps.Sqlite and Nps.PostgreSql (linked source, internal in each).
namespace Nps.Stores;

/// <summary>
/// How an <c>nps_responses</c> row reads in both relational stores: the columns in one order (<see cref="Columns"/>),
/// a field per column, and the storing sequence number last. How a time is stored is each store's dialect, read
/// through the function it passes; the rest reads the same from either.
/// </summary>
internal static class ResponseRows
{
    /// <summary>
    /// The columns <see cref="Read"/> reads, in its order; <paramref name="receivedOffset"/> is how the store selects the
    /// offset of <c>received_at</c> in minutes (its column, or <c>0</c> where it keeps that time in UTC only).
    /// </summary>
    public static string Columns(string receivedOffset) => $"""
        response_id, respondent_id, invitation_id, event_id, kind, rating, comment, callback_requested, responded_at, offset_minutes,
        team, agent, channel, product, touchpoint, attributes, inclusion_probability, probability_stated, is_manual, received_at,
        {receivedOffset}, follow_up_id, provenance, seq
        """;

    /// <summary>Reads the rows of the result the reader is on, each with its storing sequence number.</summary>
    /// <param name="reader">The reader, on a result selected as <see cref="Columns"/>.</param>
    /// <param name="utc">Reads an instant column (never NULL), as the store keeps times.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static async IAsyncEnumerable<(StoredResponse Stored, long Seq)> ReadAllAsync(DbDataReader reader, Func<DbDataReader, int, DateTimeOffset> utc,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) yield return (Read(reader, utc), reader.GetInt64(23));
    }

    /// <summary>Reads the row the reader is on.</summary>
    /// <param name="r">The reader, on a row selected as <see cref="Columns"/>.</param>
    /// <param name="utc">Reads an instant column (never NULL), as the store keeps times.</param>
    public static StoredResponse Read(DbDataReader r, Func<DbDataReader, int, DateTimeOffset> utc)
    {
        var response = new SurveyResponse
        {
            ResponseId = r.GetString(0), RespondentId = r.GetString(1), InvitationId = Text(r, 2), EventId = Text(r, 3),
            Kind = (SurveyKind)r.GetInt32(4), Rating = NpsRating.From(r.GetInt32(5)), Comment = Text(r, 6), CallbackRequested = r.GetBoolean(7),
            RespondedAt = utc(r, 8).ToOffset(TimeSpan.FromMinutes(r.GetInt32(9))),
            Team = Text(r, 10), Agent = Text(r, 11), Channel = Text(r, 12), Product = Text(r, 13), Touchpoint = Text(r, 14),
            Attributes = StoredAttributes.Read(Text(r, 15)), IsManual = r.GetBoolean(18), Provenance = (ResponseProvenance)r.GetInt32(22),
        };
        if (r.GetBoolean(17)) response = response with { InclusionProbability = r.GetDouble(16) };
        return new StoredResponse
        {
            Response = response, ReceivedAt = utc(r, 19).ToOffset(TimeSpan.FromMinutes(r.GetInt32(20))), FollowUpId = Text(r, 21),
        };
    }

    private static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}

using Npgsql;

namespace Nps.PostgreSql;

/// <summary>
/// What serialises everything that reads and then appends to one customer's history, across processes: a
/// transaction-scoped advisory lock on a 64-bit hash of the customer id, released at commit or rollback. Two
/// customers whose ids hash alike only wait for each other; nothing is ever decided on a stale history.
/// </summary>
internal static class CustomerLock
{
    public const string Sql = "SELECT pg_advisory_xact_lock(hashtextextended($1, 1847))";

    public const string HistorySql = "SELECT packed FROM nps_contacts WHERE customer_id = $1 ORDER BY packed, seq";

    public static NpgsqlBatchCommand Take(string customerId) => new(Sql) { Parameters = { new() { Value = customerId } } };

    public static NpgsqlBatchCommand ReadHistory(string customerId) => new(HistorySql) { Parameters = { new() { Value = customerId } } };

    public static NpgsqlBatchCommand InsertContact(string customerId, long packed, string? eventId = null, double? inclusionProbability = null) =>
        new("INSERT INTO nps_contacts (customer_id, packed, event_id, inclusion_probability) VALUES ($1, $2, $3, $4)")
        {
            Parameters =
            {
                new() { Value = customerId },
                new() { Value = packed },
                new() { Value = (object?)eventId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
                new() { Value = (object?)inclusionProbability ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Double },
            },
        };
}

using System.Text.Json;
using Microsoft.Data.Sqlite;
using Nps.Fatigue;
using Nps.Samples.AspNet.Api;

namespace Nps.Samples.AspNet.Storage;

/// <summary>Responses in SQLite, idempotent by response id; a response and its contact record commit together.</summary>
public sealed class ResponseStore(SqliteDatabase database)
{
    /// <summary>Stores a response unless one with its id exists; either way returns what is stored.</summary>
    /// <returns>The stored response, and whether this call created it.</returns>
    public async Task<(StoredResponse Stored, bool Created)> AddAsync(StoredResponse response, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (await FindAsync(connection, transaction, response.ResponseId, cancellationToken) is { } existing) return (existing, false);

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO responses (response_id, responded_at, body) VALUES ($id, $at, $body);";
            insert.Parameters.AddWithValue("$id", response.ResponseId);
            insert.Parameters.AddWithValue("$at", response.RespondedAt.UtcTicks);
            insert.Parameters.AddWithValue("$body", JsonSerializer.Serialize(response, ApiJsonContext.Default.StoredResponse));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        // The response starts the cooldown-after-response rule for this customer.
        if (response.RespondentId.Length > 0)
        {
            var record = ContactRecord.Create(ContactKind.Response, response.RespondedAt, response.Kind);
            await SqliteContactLedger.InsertAsync(connection, transaction, response.RespondentId, record, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (response, true);
    }

    /// <summary>The stored response with this id, or <see langword="null"/>.</summary>
    public async Task<StoredResponse?> FindAsync(string responseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, responseId, cancellationToken);
    }

    /// <summary>Responses answered in [from, to), oldest first.</summary>
    public async IAsyncEnumerable<StoredResponse> ReadAsync(DateTimeOffset? from, DateTimeOffset? to,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT body FROM responses WHERE responded_at >= $from AND responded_at < $to ORDER BY responded_at, response_id;";
        select.Parameters.AddWithValue("$from", from?.UtcTicks ?? long.MinValue);
        select.Parameters.AddWithValue("$to", to?.UtcTicks ?? long.MaxValue);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) yield return Deserialize(reader.GetString(0));
    }

    /// <summary>Responses that name a follow-up the follow-up table does not hold (the process stopped between the two writes).</summary>
    public async IAsyncEnumerable<StoredResponse> WithoutTheirFollowUpAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT body FROM responses r
            WHERE json_extract(r.body, '$.followUpId') IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.follow_up_id = json_extract(r.body, '$.followUpId'))
            ORDER BY responded_at;
            """;
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) yield return Deserialize(reader.GetString(0));
    }

    private static async Task<StoredResponse?> FindAsync(SqliteConnection connection, SqliteTransaction? transaction, string responseId,
        CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT body FROM responses WHERE response_id = $id;";
        select.Parameters.AddWithValue("$id", responseId);
        return await select.ExecuteScalarAsync(cancellationToken) is string body ? Deserialize(body) : null;
    }

    private static StoredResponse Deserialize(string body) =>
        JsonSerializer.Deserialize(body, ApiJsonContext.Default.StoredResponse) ?? throw new InvalidDataException("A stored response is null.");
}

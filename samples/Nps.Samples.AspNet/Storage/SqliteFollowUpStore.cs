using System.Text.Json;
using Microsoft.Data.Sqlite;
using Nps.FollowUp;

namespace Nps.Samples.AspNet.Storage;

/// <summary>
/// An <see cref="IFollowUpStore"/> in SQLite: add-if-absent is one insert that ignores a conflict on the id, and
/// replace is optimistic (the update only applies if the stored row still is the one read), as the contract asks.
/// </summary>
public sealed class SqliteFollowUpStore(SqliteDatabase database) : IFollowUpStore
{
    public async ValueTask<FollowUpCase?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT body FROM follow_ups WHERE follow_up_id = $id;";
        select.Parameters.AddWithValue("$id", id);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async ValueTask<(FollowUpCase Stored, bool Added)> AddIfAbsentAsync(FollowUpCase followUp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO follow_ups (follow_up_id, response_id, status, rating, due_at, body)
            VALUES ($id, $response, $status, $rating, $due, $body)
            ON CONFLICT (follow_up_id) DO NOTHING;
            """;
        Bind(insert, followUp);
        insert.Parameters.AddWithValue("$response", followUp.ResponseId);
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1) return (followUp, true);
        return ((await FindAsync(followUp.Id, cancellationToken))!, false);
    }

    public async ValueTask<bool> TryReplaceAsync(FollowUpCase current, FollowUpCase updated, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(updated);
        if (!string.Equals(current.Id, updated.Id, StringComparison.Ordinal)) throw new ArgumentException("A follow-up cannot change its id.", nameof(updated));
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE follow_ups SET status = $status, rating = $rating, due_at = $due, body = $body
            WHERE follow_up_id = $id AND body = $current;
            """;
        Bind(update, updated);
        update.Parameters.AddWithValue("$current", Serialize(current));
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async ValueTask<IReadOnlyList<FollowUpCase>> ListAsync(FollowUpStatus? status = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT body FROM follow_ups WHERE $status IS NULL OR status = $status ORDER BY due_at, follow_up_id;";
        select.Parameters.AddWithValue("$status", status is { } s ? s.ToString() : DBNull.Value);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var list = new List<FollowUpCase>();
        while (await reader.ReadAsync(cancellationToken)) list.Add(Read(reader));
        return list;
    }

    public async ValueTask<IReadOnlyList<FollowUpCase>> ListByCustomerAsync(string customerId, CancellationToken cancellationToken = default) =>
        (await ListAsync(null, cancellationToken)).Where(f => f.CustomerId == customerId).ToList();

    private static void Bind(SqliteCommand command, FollowUpCase followUp)
    {
        command.Parameters.AddWithValue("$id", followUp.Id);
        command.Parameters.AddWithValue("$status", followUp.Status.ToString());
        command.Parameters.AddWithValue("$rating", followUp.Rating.Value);
        command.Parameters.AddWithValue("$due", followUp.DueAt.UtcTicks);
        command.Parameters.AddWithValue("$body", Serialize(followUp));
    }

    private static string Serialize(FollowUpCase followUp) => JsonSerializer.Serialize(followUp, FollowUpJsonContext.Default.FollowUpCase);

    private static FollowUpCase Read(SqliteDataReader reader) =>
        JsonSerializer.Deserialize(reader.GetString(0), FollowUpJsonContext.Default.FollowUpCase) ?? throw new InvalidDataException("A stored follow-up is null.");
}

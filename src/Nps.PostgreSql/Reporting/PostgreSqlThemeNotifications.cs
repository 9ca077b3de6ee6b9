using System.Globalization;
using Npgsql;

namespace Nps.PostgreSql.Reporting;

/// <summary>
/// Announces queued comments to every instance (migration 14, <see cref="Insights.IThemeCountNotifications"/>): a
/// statement-level trigger on <c>nps_theme_pending</c> calls <c>pg_notify</c> on <see cref="Channel"/> when a statement
/// queued comments, whoever wrote them (an instance's store, <c>COPY</c>, SQL by hand), and PostgreSQL delivers it to
/// every listening session once the writing transaction commits. The payload is the queue table's oid, so instances of
/// other schemas in the same database, which share the channel, tell their own announcements apart.
/// </summary>
/// <remarks>
/// A listener holds one connection of the pool for as long as it listens (Npgsql's <c>WaitAsync</c>; not with
/// multiplexing), and runs <c>SELECT 1</c> on it after <see cref="ProbeInterval"/> without a notification, so a
/// connection the network lost silently fails within a command timeout rather than never.
/// </remarks>
internal sealed class PostgreSqlThemeNotifications(PostgreSqlNpsDatabase database)
{
    /// <summary>The channel (one per database; the payload names the schema's queue).</summary>
    public const string Channel = "nps_theme_pending";

    /// <summary>How long the listening connection waits for a notification before it checks the connection.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(30);

    /// <summary>Migration 14: the trigger. The matcher's own deletes from the queue announce nothing.</summary>
    public const string Create = $$"""
        CREATE OR REPLACE FUNCTION nps_theme_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS (SELECT FROM queued) THEN
                PERFORM pg_notify('{{Channel}}', TG_RELID::text);
            END IF;
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER nps_theme_notify AFTER INSERT ON nps_theme_pending REFERENCING NEW TABLE AS queued
            FOR EACH STATEMENT EXECUTE FUNCTION nps_theme_notify();
        """;

    /// <summary>Listens on a connection of its own until cancelled; faults when the connection breaks.</summary>
    public async Task ListenAsync(Action listening, Action commentsStored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listening);
        ArgumentNullException.ThrowIfNull(commentsStored);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        string queue;
        await using (var find = new NpgsqlCommand("SELECT 'nps_theme_pending'::regclass::oid::bigint", connection))
        {
            queue = Convert.ToInt64(await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture)
                .ToString(CultureInfo.InvariantCulture);
        }

        connection.Notification += (_, e) =>
        {
            if (e.Channel == Channel && e.Payload == queue) commentsStored();
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        listening();
        while (true)
        {
            if (await connection.WaitAsync(ProbeInterval, cancellationToken).ConfigureAwait(false)) continue;
            await using var probe = new NpgsqlCommand("SELECT 1", connection);
            await probe.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

using System.Data;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Nps.Insights;
using Nps.Reporting;

namespace Nps.PostgreSql.Reporting;

/// <summary>
/// The theme counts of a PostgreSQL store (migration 12): each stored comment matched once against the host's
/// taxonomy (<c>nps_theme_mentions</c>, a row per response and theme it mentions, plus one for the comment and one
/// when it mentions any theme) and summed per UTC day, theme, manual and unsolicited flag and inclusion probability
/// (<c>nps_theme_days</c>). <c>nps_theme_state</c> holds the taxonomy's fingerprint and whether every comment is
/// matched since it was set; <c>nps_theme_pending</c> the commented responses still to match.
/// </summary>
/// <remarks>
/// Matching needs the taxonomy, which the host chooses and SQL cannot run: a statement-level insert trigger queues
/// each commented response (whatever inserts it: the store, <c>COPY</c>, SQL by hand, in any commit order), and the
/// next <see cref="UpdateAsync"/> (a <see cref="ThemeCountMatcher"/>, off the request path) matches the queue in pages, each page one
/// transaction under an advisory lock (two instances take turns), holding its responses with <c>FOR KEY SHARE</c>
/// so a concurrent erasure waits rather than leaving mentions of a deleted response. A statement-level delete
/// trigger takes deleted responses' mentions out of the day sums (erasure and retention alike); an update by hand
/// of a counted column starts the counts again. Readers answer from the counts as they stand, with the queue's length
/// as pending; a response leaves the queue in the transaction that counts it, so no instance counts it twice.
/// </remarks>
internal sealed class PostgreSqlThemeCounts(PostgreSqlNpsDatabase database)
{
    /// <summary>The advisory lock key that serialises matching ("nps-them" as 8 bytes).</summary>
    private const long LockKey = 0x6E_70_73_2D_74_68_65_6D;

    /// <summary>How many comments one transaction matches.</summary>
    private const int PageSize = 2_000;

    /// <summary>
    /// Migration 12: the tables, the triggers, and empty state (no taxonomy yet); what a rerun finds is dropped first
    /// (a database migrated again from an earlier version), so its counts start again from the stored comments.
    /// </summary>
    public static string Create() => $$"""
        DROP TRIGGER IF EXISTS nps_theme_queue ON nps_responses;
        DROP TRIGGER IF EXISTS nps_theme_forget ON nps_responses;
        DROP TRIGGER IF EXISTS nps_theme_restart ON nps_responses;
        DROP FUNCTION IF EXISTS nps_theme_queue(), nps_theme_forget(), nps_theme_restart();
        DROP TABLE IF EXISTS nps_theme_state, nps_theme_pending, nps_theme_mentions, nps_theme_days;
        CREATE TABLE nps_theme_state (id integer PRIMARY KEY CHECK (id = 1), fingerprint text NOT NULL, ready boolean NOT NULL);
        INSERT INTO nps_theme_state VALUES (1, '', false);
        CREATE TABLE nps_theme_pending (seq bigint PRIMARY KEY);
        CREATE TABLE nps_theme_mentions (
            response_seq bigint NOT NULL, theme integer NOT NULL, utc_day integer NOT NULL, responded_at bigint NOT NULL, response_id text NOT NULL,
            category smallint NOT NULL, manual boolean NOT NULL, unsolicited boolean NOT NULL, p double precision NOT NULL, negated boolean NOT NULL,
            PRIMARY KEY (response_seq, theme)
        );
        CREATE INDEX nps_theme_mentions_by_time ON nps_theme_mentions (theme, responded_at, response_id COLLATE "C");
        CREATE TABLE nps_theme_days (
            utc_day integer NOT NULL, theme integer NOT NULL, manual boolean NOT NULL, unsolicited boolean NOT NULL, p double precision NOT NULL,
            c0 bigint NOT NULL, c1 bigint NOT NULL, c2 bigint NOT NULL, n0 bigint NOT NULL, n1 bigint NOT NULL, n2 bigint NOT NULL,
            PRIMARY KEY (utc_day, theme, manual, unsolicited, p)
        );
        CREATE FUNCTION nps_theme_queue() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO nps_theme_pending (seq)
            SELECT n.seq FROM new_responses AS n
            WHERE n.comment IS NOT NULL AND n.comment <> '' AND EXISTS (SELECT 1 FROM nps_theme_state WHERE id = 1 AND fingerprint <> '')
            ON CONFLICT DO NOTHING;
            RETURN NULL;
        END $$;
        CREATE TRIGGER nps_theme_queue AFTER INSERT ON nps_responses REFERENCING NEW TABLE AS new_responses
            FOR EACH STATEMENT EXECUTE FUNCTION nps_theme_queue();
        CREATE FUNCTION nps_theme_forget() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM nps_theme_pending WHERE seq IN (SELECT seq FROM old_responses);
            WITH gone AS (
                DELETE FROM nps_theme_mentions AS m USING old_responses AS o WHERE m.response_seq = o.seq
                RETURNING m.utc_day, m.theme, m.manual, m.unsolicited, m.p, m.category, m.negated
            ), sums AS (
                SELECT utc_day, theme, manual, unsolicited, p,
                    count(*) FILTER (WHERE category = 0) AS c0, count(*) FILTER (WHERE category = 1) AS c1, count(*) FILTER (WHERE category = 2) AS c2,
                    count(*) FILTER (WHERE category = 0 AND negated) AS n0, count(*) FILTER (WHERE category = 1 AND negated) AS n1,
                    count(*) FILTER (WHERE category = 2 AND negated) AS n2
                FROM gone GROUP BY utc_day, theme, manual, unsolicited, p
            )
            UPDATE nps_theme_days AS d SET c0 = d.c0 - s.c0, c1 = d.c1 - s.c1, c2 = d.c2 - s.c2, n0 = d.n0 - s.n0, n1 = d.n1 - s.n1, n2 = d.n2 - s.n2
            FROM sums AS s
            WHERE d.utc_day = s.utc_day AND d.theme = s.theme AND d.manual = s.manual AND d.unsolicited = s.unsolicited AND d.p = s.p;
            DELETE FROM nps_theme_days
            WHERE c0 + c1 + c2 = 0
                AND utc_day IN (SELECT DISTINCT (floor(extract(epoch FROM o.responded_at) / 86400) + {{EpochDay}})::integer FROM old_responses AS o);
            RETURN NULL;
        END $$;
        CREATE TRIGGER nps_theme_forget AFTER DELETE ON nps_responses REFERENCING OLD TABLE AS old_responses
            FOR EACH STATEMENT EXECUTE FUNCTION nps_theme_forget();
        CREATE FUNCTION nps_theme_restart() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE nps_theme_state SET fingerprint = '', ready = false WHERE id = 1;
            RETURN NULL;
        END $$;
        CREATE TRIGGER nps_theme_restart AFTER UPDATE OF response_id, rating, comment, responded_at, inclusion_probability, is_manual, provenance
            ON nps_responses FOR EACH STATEMENT EXECUTE FUNCTION nps_theme_restart();

        """;

    /// <summary>The day number (<see cref="DateOnly.DayNumber"/>) of 1970-01-01, the Unix epoch.</summary>
    private static readonly string EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber.ToString(CultureInfo.InvariantCulture);

    /// <summary>See <see cref="IThemeCountSource.UpdateThemeCountsAsync"/>.</summary>
    public async ValueTask<ThemeCountUpdate> UpdateAsync(ThemeTaxonomy taxonomy, int maximumComments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumComments, 1);
        using var operation = database.Log.Start();
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (await IsCurrentAsync(connection, null, taxonomy, cancellationToken).ConfigureAwait(false)) return new ThemeCountUpdate(0, 0);
        var matched = 0;
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock($1)", cancellationToken, LockKey).ConfigureAwait(false);
            var (fingerprint, ready) = await StateAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(fingerprint, taxonomy.Fingerprint, StringComparison.Ordinal))
            {
                await ExecuteAsync(connection, transaction, """
                    DELETE FROM nps_theme_mentions; DELETE FROM nps_theme_days; DELETE FROM nps_theme_pending;
                    INSERT INTO nps_theme_pending (seq) SELECT seq FROM nps_responses WHERE comment IS NOT NULL AND comment <> '';
                    """, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, "UPDATE nps_theme_state SET fingerprint = $1, ready = false WHERE id = 1", cancellationToken, taxonomy.Fingerprint)
                    .ConfigureAwait(false);
                ready = false;
            }

            var limit = Math.Min(PageSize, maximumComments - matched);
            var page = await ReadPageAsync(connection, transaction, limit, cancellationToken).ConfigureAwait(false);
            if (page.Count > 0)
            {
                var matches = ThemeMatchPage.Match(taxonomy, page);
                await using var batch = new NpgsqlBatch(connection, transaction);
                batch.BatchCommands.Add(InsertMentions(matches.Mentions));
                batch.BatchCommands.Add(AddDays(matches.Sums));
                batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM nps_theme_pending WHERE seq = ANY($1)") { Parameters = { new() { Value = page.Select(c => c.Seq).ToArray() } } });
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                matched += page.Count;
            }

            if (page.Count == limit && matched < maximumComments)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                continue; // a full page, and the call's share is not matched yet
            }

            // The queue ran out or the call's share is matched: what still waits, counted in the same transaction.
            var pending = await PendingAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            if (pending == 0 && !ready) await ExecuteAsync(connection, transaction, "UPDATE nps_theme_state SET ready = true WHERE id = 1", cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new ThemeCountUpdate(matched, pending);
        }
    }

    /// <summary>See <see cref="IThemeCountSource.CountThemesAsync"/>.</summary>
    public async ValueTask<ThemeCountSnapshot> CountAsync(ThemeTaxonomy taxonomy, DateTimeOffset? start, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        using var operation = database.Log.Start();
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var (fingerprint, _) = await StateAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(fingerprint, taxonomy.Fingerprint, StringComparison.Ordinal))
        {
            await using var commented = new NpgsqlCommand("SELECT count(*) FROM nps_responses WHERE comment IS NOT NULL AND comment <> ''", connection, transaction);
            return new ThemeCountSnapshot([], (long)(await commented.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
        }

        var pending = await PendingAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var range = ThemeDayRange.Of(start, until);
        await using var select = new NpgsqlCommand("""
            SELECT theme, manual, unsolicited, p, sum(c0)::bigint, sum(c1)::bigint, sum(c2)::bigint, sum(n0)::bigint, sum(n1)::bigint, sum(n2)::bigint FROM (
                SELECT theme, manual, unsolicited, p, c0, c1, c2, n0, n1, n2 FROM nps_theme_days WHERE utc_day BETWEEN $1 AND $2
                UNION ALL
                SELECT theme, manual, unsolicited, p, (category = 0)::int, (category = 1)::int, (category = 2)::int,
                    (negated AND category = 0)::int, (negated AND category = 1)::int, (negated AND category = 2)::int
                FROM nps_theme_mentions
                WHERE theme = ANY($7) AND ((responded_at >= $3 AND responded_at < $4) OR (responded_at >= $5 AND responded_at < $6))
            ) AS parts GROUP BY theme, manual, unsolicited, p
            """, connection, transaction)
        {
            Parameters =
            {
                new() { Value = range.FirstDay }, new() { Value = range.LastDay }, new() { Value = range.Head.From }, new() { Value = range.Head.To },
                new() { Value = range.Tail.From }, new() { Value = range.Tail.To },
                new() { Value = Enumerable.Range(ThemeCountRow.WithTheme, taxonomy.Themes.Count + 2).ToArray() },
            },
        };
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return new ThemeCountSnapshot(await ThemeMatchPage.ReadRowsAsync(reader, cancellationToken).ConfigureAwait(false), pending);
    }

    /// <summary>
    /// See <see cref="IThemeCountSource.ReadThemeExamplesAsync"/>: one statement for every theme asked, a
    /// <c>CROSS JOIN LATERAL (… LIMIT n)</c> per theme over the mentions' (theme, instant, id) index, so each theme
    /// stops at its limit, in one round trip.
    /// </summary>
    public async ValueTask<IReadOnlyList<IReadOnlyList<ThemeExample>>> ExamplesAsync(ThemeTaxonomy taxonomy, IReadOnlyList<int> themes, DateTimeOffset? start,
        DateTimeOffset? until, int limit, bool includeManual, bool includeUnsolicited, CancellationToken cancellationToken)
    {
        ThemeMatchPage.CheckExamples(taxonomy, themes, limit);
        if (themes.Count == 0) return [];
        using var operation = database.Log.Start();
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var select = new NpgsqlCommand("""
            SELECT t.theme, e.response_id, e.rating, e.comment
            FROM unnest($1::integer[]) WITH ORDINALITY AS t (theme, position)
            CROSS JOIN LATERAL (
                SELECT m.response_id, m.responded_at, r.rating, r.comment FROM nps_theme_mentions AS m JOIN nps_responses AS r ON r.seq = m.response_seq
                WHERE m.theme = t.theme AND m.responded_at >= $2 AND m.responded_at < $3 AND ($4 OR NOT m.manual) AND ($5 OR NOT m.unsolicited)
                ORDER BY m.responded_at, m.response_id COLLATE "C" LIMIT $6
            ) AS e
            WHERE EXISTS (SELECT 1 FROM nps_theme_state WHERE id = 1 AND fingerprint = $7)
            ORDER BY t.position, e.responded_at, e.response_id COLLATE "C"
            """, connection)
        {
            Parameters =
            {
                new() { Value = themes.Distinct().ToArray() }, new() { Value = start?.UtcTicks ?? long.MinValue }, new() { Value = until?.UtcTicks ?? long.MaxValue },
                new() { Value = includeManual }, new() { Value = includeUnsolicited }, new() { Value = limit }, new() { Value = taxonomy.Fingerprint },
            },
        };
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await ThemeMatchPage.ReadExamplesAsync(reader, themes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The mention rows of a page in one <c>unnest</c> insert.</summary>
    private static NpgsqlBatchCommand InsertMentions(List<ThemeMentionRow> rows) => new("""
        INSERT INTO nps_theme_mentions (response_seq, theme, utc_day, responded_at, response_id, category, manual, unsolicited, p, negated)
        SELECT * FROM unnest($1::bigint[], $2::integer[], $3::integer[], $4::bigint[], $5::text[], $6::smallint[], $7::boolean[], $8::boolean[],
            $9::double precision[], $10::boolean[])
        """)
    {
        Parameters =
        {
            new() { Value = rows.Select(r => r.Comment.Seq).ToArray() }, new() { Value = rows.Select(r => r.Theme).ToArray() },
            new() { Value = rows.Select(r => r.Day).ToArray() }, new() { Value = rows.Select(r => r.Comment.RespondedAt).ToArray() },
            new() { Value = rows.Select(r => r.Comment.ResponseId).ToArray() }, new() { Value = rows.Select(r => (short)r.Comment.Category).ToArray() },
            new() { Value = rows.Select(r => r.Comment.Manual).ToArray() }, new() { Value = rows.Select(r => r.Comment.Unsolicited).ToArray() },
            new() { Value = rows.Select(r => r.Comment.P).ToArray() }, new() { Value = rows.Select(r => r.Negated).ToArray() },
        },
    };

    private static NpgsqlBatchCommand AddDays(Dictionary<(int Day, int Theme, bool Manual, bool Unsolicited, double P), long[]> sums)
    {
        var keys = sums.Keys.ToArray();
        long[] Column(int i) => [.. keys.Select(k => sums[k][i])];
        return new NpgsqlBatchCommand("""
            INSERT INTO nps_theme_days (utc_day, theme, manual, unsolicited, p, c0, c1, c2, n0, n1, n2)
            SELECT * FROM unnest($1::integer[], $2::integer[], $3::boolean[], $4::boolean[], $5::double precision[],
                $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[])
            ON CONFLICT (utc_day, theme, manual, unsolicited, p) DO UPDATE SET c0 = nps_theme_days.c0 + excluded.c0, c1 = nps_theme_days.c1 + excluded.c1,
                c2 = nps_theme_days.c2 + excluded.c2, n0 = nps_theme_days.n0 + excluded.n0, n1 = nps_theme_days.n1 + excluded.n1, n2 = nps_theme_days.n2 + excluded.n2
            """)
        {
            Parameters =
            {
                new() { Value = keys.Select(k => k.Day).ToArray() }, new() { Value = keys.Select(k => k.Theme).ToArray() },
                new() { Value = keys.Select(k => k.Manual).ToArray() }, new() { Value = keys.Select(k => k.Unsolicited).ToArray() },
                new() { Value = keys.Select(k => k.P).ToArray() },
                new() { Value = Column(0) }, new() { Value = Column(1) }, new() { Value = Column(2) },
                new() { Value = Column(3) }, new() { Value = Column(4) }, new() { Value = Column(5) },
            },
        };
    }

    private static async Task<List<ThemeComment>> ReadPageAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int limit, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand($"""
            SELECT r.seq, r.response_id, r.responded_at, r.rating, r.is_manual, r.provenance = {(int)ResponseProvenance.Unsolicited}, r.inclusion_probability, r.comment
            FROM nps_theme_pending AS q JOIN nps_responses AS r ON r.seq = q.seq ORDER BY q.seq LIMIT $1 FOR KEY SHARE OF r
            """, connection, transaction) { Parameters = { new() { Value = limit } } };
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var page = new List<ThemeComment>(limit);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            page.Add(new ThemeComment(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTime>(2).Ticks, (int)NpsRating.Classify(reader.GetInt16(3)),
                reader.GetBoolean(4), reader.GetBoolean(5), reader.GetDouble(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return page;
    }

    private static async Task<long> PendingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var count = new NpgsqlCommand("SELECT count(*) FROM nps_theme_pending", connection, transaction);
        return (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task<bool> IsCurrentAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, ThemeTaxonomy taxonomy, CancellationToken cancellationToken)
    {
        await using var state = new NpgsqlCommand("SELECT fingerprint, ready AND NOT EXISTS (SELECT 1 FROM nps_theme_pending) FROM nps_theme_state WHERE id = 1", connection, transaction);
        await using var reader = await state.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetBoolean(1)
            && string.Equals(reader.GetString(0), taxonomy.Fingerprint, StringComparison.Ordinal);
    }

    private static async Task<(string Fingerprint, bool Ready)> StateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var state = new NpgsqlCommand("SELECT fingerprint, ready FROM nps_theme_state WHERE id = 1", connection, transaction);
        await using var reader = await state.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) throw new InvalidOperationException("nps_theme_state has no row.");
        return (reader.GetString(0), reader.GetBoolean(1));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var statement in PostgreSqlSchema.Statements(sql))
        {
            var command = new NpgsqlBatchCommand(statement);
            if (statement.Contains("$1", StringComparison.Ordinal)) foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

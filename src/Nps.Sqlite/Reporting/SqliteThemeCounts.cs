using System.Globalization;
using Microsoft.Data.Sqlite;
using Nps.Insights;
using Nps.Reporting;

namespace Nps.Sqlite.Reporting;

/// <summary>
/// The theme counts of a SQLite store (schema 12): each stored comment matched once against the host's taxonomy
/// (<c>nps_theme_mentions</c>, a row per response and theme it mentions, plus one for the comment and one when it
/// mentions any theme) and summed per UTC day, theme, manual and unsolicited flag and inclusion probability
/// (<c>nps_theme_days</c>). <c>nps_theme_state</c> holds the taxonomy's fingerprint, the highest response sequence
/// matched, and whether the counts have reached it since the taxonomy was set.
/// </summary>
/// <remarks>
/// Matching needs the taxonomy, which the host chooses and SQL cannot run, so new comments are matched by the next
/// <see cref="UpdateAsync"/> (a <see cref="ThemeCountMatcher"/>, off the request path): the comments stored since the
/// last one, in pages, each page one write transaction, which also reads the state, so two processes on one file take
/// turns (SQLite has one writer) and never match a comment twice. Readers answer from the counts as they stand, with
/// the commented responses past <c>indexed_seq</c> as pending. A delete trigger takes a deleted response's mentions out of the day sums
/// (erasure and retention alike: a deleted comment is no longer there to analyse); an update by hand of a counted
/// column starts the counts again.
/// </remarks>
internal sealed class SqliteThemeCounts(SqliteNpsDatabase database)
{
    /// <summary>How many comments one write transaction matches.</summary>
    private const int PageSize = 2_000;

    private const string Day = "nps_theme_days";

    /// <summary>
    /// Schema 12: the tables, the delete and update triggers, and empty state (no taxonomy yet); what a rerun finds is
    /// dropped first (a file migrated again from an earlier version), so its counts start again from the stored comments.
    /// </summary>
    public static string Create() => $"""
        DROP TRIGGER IF EXISTS nps_theme_mentions_delete;
        DROP TRIGGER IF EXISTS nps_theme_mentions_update;
        DROP TABLE IF EXISTS nps_theme_state;
        DROP TABLE IF EXISTS nps_theme_mentions;
        DROP TABLE IF EXISTS {Day};
        CREATE TABLE nps_theme_state (id INTEGER PRIMARY KEY CHECK (id = 1), fingerprint TEXT NOT NULL, indexed_seq INTEGER NOT NULL, ready INTEGER NOT NULL);
        INSERT INTO nps_theme_state VALUES (1, '', 0, 0);
        CREATE TABLE nps_theme_mentions (
            response_seq INTEGER NOT NULL, theme INTEGER NOT NULL, utc_day INTEGER NOT NULL, responded_at INTEGER NOT NULL, response_id TEXT NOT NULL,
            category INTEGER NOT NULL, manual INTEGER NOT NULL, unsolicited INTEGER NOT NULL, p REAL NOT NULL, negated INTEGER NOT NULL,
            PRIMARY KEY (response_seq, theme)
        ) WITHOUT ROWID;
        CREATE INDEX nps_theme_mentions_by_time ON nps_theme_mentions (theme, responded_at, response_id);
        CREATE TABLE {Day} (
            utc_day INTEGER NOT NULL, theme INTEGER NOT NULL, manual INTEGER NOT NULL, unsolicited INTEGER NOT NULL, p REAL NOT NULL,
            c0 INTEGER NOT NULL, c1 INTEGER NOT NULL, c2 INTEGER NOT NULL, n0 INTEGER NOT NULL, n1 INTEGER NOT NULL, n2 INTEGER NOT NULL,
            PRIMARY KEY (utc_day, theme, manual, unsolicited, p)
        ) WITHOUT ROWID;
        CREATE TRIGGER nps_theme_mentions_delete AFTER DELETE ON nps_responses BEGIN
            UPDATE {Day} AS d SET c0 = d.c0 - (m.category = 0), c1 = d.c1 - (m.category = 1), c2 = d.c2 - (m.category = 2),
                n0 = d.n0 - (m.category = 0 AND m.negated), n1 = d.n1 - (m.category = 1 AND m.negated), n2 = d.n2 - (m.category = 2 AND m.negated)
            FROM nps_theme_mentions AS m
            WHERE m.response_seq = OLD.seq AND d.utc_day = m.utc_day AND d.theme = m.theme AND d.manual = m.manual AND d.unsolicited = m.unsolicited AND d.p = m.p;
            DELETE FROM {Day} WHERE utc_day IN (SELECT utc_day FROM nps_theme_mentions WHERE response_seq = OLD.seq) AND c0 + c1 + c2 = 0;
            DELETE FROM nps_theme_mentions WHERE response_seq = OLD.seq;
        END;
        CREATE TRIGGER nps_theme_mentions_update AFTER UPDATE OF seq, response_id, rating, comment, responded_at, inclusion_probability, is_manual, provenance
            ON nps_responses BEGIN
            UPDATE nps_theme_state SET fingerprint = '', ready = 0 WHERE id = 1;
        END;

        """;

    /// <summary>
    /// Schema 14: the delete trigger of schema 12 again, without an alias on the table it updates. SQLite checks every
    /// trigger when any table's column is dropped or renamed, and it cannot resolve an aliased update target there
    /// ("no such column: d.c0"), so schema 12's trigger made every later <c>ALTER TABLE … DROP COLUMN</c> fail.
    /// </summary>
    public static string ReplaceDeleteTrigger() => $"""
        DROP TRIGGER IF EXISTS nps_theme_mentions_delete;
        CREATE TRIGGER nps_theme_mentions_delete AFTER DELETE ON nps_responses BEGIN
            UPDATE {Day} SET c0 = c0 - (m.category = 0), c1 = c1 - (m.category = 1), c2 = c2 - (m.category = 2),
                n0 = n0 - (m.category = 0 AND m.negated), n1 = n1 - (m.category = 1 AND m.negated), n2 = n2 - (m.category = 2 AND m.negated)
            FROM nps_theme_mentions AS m
            WHERE m.response_seq = OLD.seq AND {Day}.utc_day = m.utc_day AND {Day}.theme = m.theme AND {Day}.manual = m.manual
                AND {Day}.unsolicited = m.unsolicited AND {Day}.p = m.p;
            DELETE FROM {Day} WHERE utc_day IN (SELECT utc_day FROM nps_theme_mentions WHERE response_seq = OLD.seq) AND c0 + c1 + c2 = 0;
            DELETE FROM nps_theme_mentions WHERE response_seq = OLD.seq;
        END;

        """;

    /// <summary>See <see cref="IThemeCountSource.UpdateThemeCountsAsync"/>.</summary>
    public async ValueTask<ThemeCountUpdate> UpdateAsync(ThemeTaxonomy taxonomy, int maximumComments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumComments, 1);
        using var operation = database.Log.Start();
        if (await IsCurrentAsync(taxonomy, cancellationToken).ConfigureAwait(false)) return new ThemeCountUpdate(0, 0);
        var matched = 0;
        while (true)
        {
            await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            var (fingerprint, indexed, ready, last) = await StateAsync(write.Command(StateSql), cancellationToken).ConfigureAwait(false);
            if (!string.Equals(fingerprint, taxonomy.Fingerprint, StringComparison.Ordinal))
            {
                await using var reset = write.Command($"DELETE FROM nps_theme_mentions; DELETE FROM {Day}; UPDATE nps_theme_state SET fingerprint = $f, indexed_seq = 0, ready = 0 WHERE id = 1;");
                reset.Parameters.AddWithValue("$f", taxonomy.Fingerprint);
                await reset.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                (indexed, ready) = (0, false);
            }

            if (indexed >= last || matched >= maximumComments)
            {
                var done = indexed >= last;
                if (done && !ready) await ExecuteAsync(write.Command("UPDATE nps_theme_state SET ready = 1 WHERE id = 1;"), cancellationToken).ConfigureAwait(false);
                var pending = done ? 0 : await PendingAsync(write.Command(PendingSql), indexed, cancellationToken).ConfigureAwait(false);
                await write.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new ThemeCountUpdate(matched, pending);
            }

            var limit = Math.Min(PageSize, maximumComments - matched);
            var page = await ReadPageAsync(write, indexed, last, limit, cancellationToken).ConfigureAwait(false);
            var matches = ThemeMatchPage.Match(taxonomy, page);
            await using (var insert = write.Command("""
                INSERT INTO nps_theme_mentions (response_seq, theme, utc_day, responded_at, response_id, category, manual, unsolicited, p, negated)
                VALUES ($seq, $theme, $day, $at, $id, $category, $manual, $unsolicited, $p, $negated);
                """))
            {
                var parameters = "$seq $theme $day $at $id $category $manual $unsolicited $p $negated".Split(' ').Select(n => insert.Parameters.Add(n, SqliteType.Integer)).ToArray();
                parameters[4].SqliteType = SqliteType.Text;
                parameters[8].SqliteType = SqliteType.Real;
                foreach (var (c, theme, day, isNegated) in matches.Mentions)
                {
                    object[] values = [c.Seq, theme, day, c.RespondedAt, c.ResponseId, c.Category, c.Manual, c.Unsolicited, c.P, isNegated];
                    for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i];
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await AddDaysAsync(write, matches.Sums, cancellationToken).ConfigureAwait(false);
            var through = page.Count < limit ? last : page[^1].Seq;
            await using (var advance = write.Command("UPDATE nps_theme_state SET indexed_seq = $seq WHERE id = 1;"))
            {
                advance.Parameters.AddWithValue("$seq", through);
                await advance.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            matched += page.Count;
            if (through < last && matched >= maximumComments)
            {
                // The call's share is matched: what still waits is counted in the same transaction.
                var pending = await PendingAsync(write.Command(PendingSql), through, cancellationToken).ConfigureAwait(false);
                await write.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new ThemeCountUpdate(matched, pending);
            }

            await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>See <see cref="IThemeCountSource.CountThemesAsync"/>.</summary>
    public async ValueTask<ThemeCountSnapshot> CountAsync(ThemeTaxonomy taxonomy, DateTimeOffset? start, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        using var operation = database.Log.Start();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: true);
        long pending;
        await using (var state = connection.CreateCommand())
        {
            state.Transaction = transaction;
            state.CommandText = StateSql;
            var (fingerprint, indexed, _, last) = await StateAsync(state, cancellationToken).ConfigureAwait(false);
            var holds = string.Equals(fingerprint, taxonomy.Fingerprint, StringComparison.Ordinal);
            await using var count = connection.CreateCommand();
            count.Transaction = transaction;
            count.CommandText = PendingSql;
            pending = holds && indexed >= last ? 0 : await PendingAsync(count, holds ? indexed : 0, cancellationToken).ConfigureAwait(false);
            if (!holds) return new ThemeCountSnapshot([], pending);
        }

        var range = ThemeDayRange.Of(start, until);
        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        var themes = string.Join(", ", Enumerable.Range(ThemeCountRow.WithTheme, taxonomy.Themes.Count + 2).Select(t => t.ToString(CultureInfo.InvariantCulture)));
        select.CommandText = $"""
            SELECT theme, manual, unsolicited, p, sum(c0), sum(c1), sum(c2), sum(n0), sum(n1), sum(n2) FROM (
                SELECT theme, manual, unsolicited, p, c0, c1, c2, n0, n1, n2 FROM {Day} WHERE utc_day BETWEEN $firstDay AND $lastDay
                UNION ALL
                SELECT theme, manual, unsolicited, p, category = 0, category = 1, category = 2, negated AND category = 0, negated AND category = 1, negated AND category = 2
                FROM nps_theme_mentions
                WHERE theme IN ({themes}) AND ((responded_at >= $from1 AND responded_at < $to1) OR (responded_at >= $from2 AND responded_at < $to2))
            ) GROUP BY theme, manual, unsolicited, p;
            """;
        select.Parameters.AddWithValue("$firstDay", range.FirstDay);
        select.Parameters.AddWithValue("$lastDay", range.LastDay);
        select.Parameters.AddWithValue("$from1", range.Head.From);
        select.Parameters.AddWithValue("$to1", range.Head.To);
        select.Parameters.AddWithValue("$from2", range.Tail.From);
        select.Parameters.AddWithValue("$to2", range.Tail.To);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return new ThemeCountSnapshot(await ThemeMatchPage.ReadRowsAsync(reader, cancellationToken).ConfigureAwait(false), pending);
    }

    /// <summary>
    /// See <see cref="IThemeCountSource.ReadThemeExamplesAsync"/>: one statement, a <c>UNION ALL</c> of one
    /// <c>ORDER BY … LIMIT</c> arm per theme, each read from the mentions' (theme, instant, id) index and stopping at its
    /// limit. A window function (<c>row_number() OVER (PARTITION BY theme …)</c>) would number every mention of the
    /// range before keeping the first few, and SQLite has no <c>LATERAL</c>.
    /// </summary>
    public async ValueTask<IReadOnlyList<IReadOnlyList<ThemeExample>>> ExamplesAsync(ThemeTaxonomy taxonomy, IReadOnlyList<int> themes, DateTimeOffset? start,
        DateTimeOffset? until, int limit, bool includeManual, bool includeUnsolicited, CancellationToken cancellationToken)
    {
        ThemeMatchPage.CheckExamples(taxonomy, themes, limit);
        if (themes.Count == 0) return [];
        using var operation = database.Log.Start();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using (var state = connection.CreateCommand())
        {
            state.Transaction = transaction;
            state.CommandText = StateSql;
            var (fingerprint, _, _, _) = await StateAsync(state, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(fingerprint, taxonomy.Fingerprint, StringComparison.Ordinal)) return [.. themes.Select(_ => (IReadOnlyList<ThemeExample>)[])];
        }

        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        var arms = themes.Distinct().Select(theme => string.Create(CultureInfo.InvariantCulture, $"""
            SELECT * FROM (SELECT m.theme, m.response_id, r.rating, r.comment, m.responded_at FROM nps_theme_mentions AS m JOIN nps_responses AS r ON r.seq = m.response_seq
                WHERE m.theme = {theme} AND m.responded_at >= $from AND m.responded_at < $to AND ($manual OR NOT m.manual) AND ($unsolicited OR NOT m.unsolicited)
                ORDER BY m.responded_at, m.response_id LIMIT $limit)
            """));
        select.CommandText = string.Join("\nUNION ALL\n", arms) + "\nORDER BY 1, 5, 2;";
        select.Parameters.AddWithValue("$from", start?.UtcTicks ?? long.MinValue);
        select.Parameters.AddWithValue("$to", until?.UtcTicks ?? long.MaxValue);
        select.Parameters.AddWithValue("$manual", includeManual);
        select.Parameters.AddWithValue("$unsolicited", includeUnsolicited);
        select.Parameters.AddWithValue("$limit", limit);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await ThemeMatchPage.ReadExamplesAsync(reader, themes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The commented responses past a sequence number ($after): the comments not yet matched.</summary>
    private const string PendingSql = "SELECT count(*) FROM nps_responses WHERE seq > $after AND comment IS NOT NULL AND comment <> '';";

    private const string StateSql = "SELECT fingerprint, indexed_seq, ready, (SELECT coalesce(max(seq), 0) FROM nps_responses) FROM nps_theme_state WHERE id = 1;";

    private async Task<bool> IsCurrentAsync(ThemeTaxonomy taxonomy, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var state = connection.CreateCommand();
        state.CommandText = StateSql;
        var (fingerprint, indexed, ready, last) = await StateAsync(state, cancellationToken).ConfigureAwait(false);
        return ready && indexed >= last && string.Equals(fingerprint, taxonomy.Fingerprint, StringComparison.Ordinal);
    }

    private static async Task<(string Fingerprint, long Indexed, bool Ready, long Last)> StateAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) throw new InvalidOperationException("nps_theme_state has no row.");
            return (reader.GetString(0), reader.GetInt64(1), reader.GetBoolean(2), reader.GetInt64(3));
        }
    }

    private static async Task<long> PendingAsync(SqliteCommand command, long after, CancellationToken cancellationToken)
    {
        await using (command)
        {
            command.Parameters.AddWithValue("$after", after);
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }

    private static async Task ExecuteAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using (command) await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<ThemeComment>> ReadPageAsync(
        SqliteWrite write, long after, long last, int limit, CancellationToken cancellationToken)
    {
        await using var select = write.Command($"""
            SELECT seq, response_id, responded_at, rating, is_manual, provenance = {(int)ResponseProvenance.Unsolicited}, inclusion_probability, comment
            FROM nps_responses WHERE seq > $after AND seq <= $last AND comment IS NOT NULL AND comment <> '' ORDER BY seq LIMIT $limit;
            """);
        select.Parameters.AddWithValue("$after", after);
        select.Parameters.AddWithValue("$last", last);
        select.Parameters.AddWithValue("$limit", limit);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var page = new List<ThemeComment>(limit);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            page.Add(new ThemeComment(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), (int)NpsRating.Classify(reader.GetInt32(3)), reader.GetBoolean(4),
                reader.GetBoolean(5), reader.GetDouble(6), reader.GetString(7)));
        }

        return page;
    }

    private static async Task AddDaysAsync(SqliteWrite write, Dictionary<(int Day, int Theme, bool Manual, bool Unsolicited, double P), long[]> sums, CancellationToken cancellationToken)
    {
        await using var upsert = write.Command($"""
            INSERT INTO {Day} (utc_day, theme, manual, unsolicited, p, c0, c1, c2, n0, n1, n2) VALUES ($day, $theme, $manual, $unsolicited, $p, $c0, $c1, $c2, $n0, $n1, $n2)
            ON CONFLICT (utc_day, theme, manual, unsolicited, p) DO UPDATE SET c0 = c0 + excluded.c0, c1 = c1 + excluded.c1, c2 = c2 + excluded.c2,
                n0 = n0 + excluded.n0, n1 = n1 + excluded.n1, n2 = n2 + excluded.n2;
            """);
        foreach (var ((day, theme, manual, unsolicited, p), sum) in sums)
        {
            upsert.Parameters.Clear();
            upsert.Parameters.AddWithValue("$day", day);
            upsert.Parameters.AddWithValue("$theme", theme);
            upsert.Parameters.AddWithValue("$manual", manual);
            upsert.Parameters.AddWithValue("$unsolicited", unsolicited);
            upsert.Parameters.AddWithValue("$p", p);
            for (var i = 0; i < 6; i++) upsert.Parameters.AddWithValue(string.Create(CultureInfo.InvariantCulture, $"${(i < 3 ? "c" : "n")}{i % 3}"), sum[i]);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

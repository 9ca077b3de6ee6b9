using System.Globalization;
using System.Text;
using Nps.Reporting;

namespace Nps.Sqlite.Reporting;

/// <summary>
/// The daily, weekly and monthly rollups of stored responses (schema versions 3 and 4): table
/// <c>nps_response_days</c>, one row per span (a UTC day, a UTC week from its Monday, or a UTC calendar month:
/// <c>span</c> 1, 7 or 31, <c>utc_day</c> its first day; the month rows since schema 4), rollup
/// dimension (<c>""</c> for all responses, or a built-in dimension), value, manual flag and (since schema 8) unsolicited flag, with 11 rating counts,
/// weight sums and squared weight sums and the smallest and largest inclusion probability; kept by triggers on
/// <c>nps_responses</c>, so every insert path (the store, an import, SQL typed by hand) keeps them exact in the same
/// transaction.
/// </summary>
/// <remarks>
/// A deletion or an update subtracts the old row's counts and sums (and removes rows whose counts reach 0); the
/// probability bounds cannot be narrowed again, so after a deletion they are bounds of what is stored, as the report
/// builder needs them (it only asks whether a cell's probabilities differ). Erasure on request deletes responses and
/// the rollups follow; retention deletes them with <c>nps_retention.erasing</c> set, which the delete trigger skips
/// (since schema 11), so their counts stay in the rollups.
/// </remarks>
internal static class SqliteRollupSchema
{
    private const string Key = "dimension, span, utc_day, has_value, value, manual";

    /// <summary>The key since schema 8: the unsolicited flag beside the manual flag.</summary>
    private const string KeyWithUnsolicited = Key + ", unsolicited";

    /// <summary>The columns of the key (before or since schema 8).</summary>
    private static string KeyOf(bool unsolicited) => unsolicited ? KeyWithUnsolicited : Key;

    /// <summary>The key's flag values of a response row: its manual flag, and since schema 8 whether it is unsolicited.</summary>
    private static string Flags(string row, bool unsolicited) =>
        unsolicited ? $"{row}.is_manual, {row}.provenance = {(int)ResponseProvenance.Unsolicited}" : $"{row}.is_manual";

    /// <summary>The condition that a rollup row has a response row's flags.</summary>
    private static string FlagsMatch(string row, bool unsolicited) =>
        $"manual = {row}.is_manual" + (unsolicited ? $" AND unsolicited = ({row}.provenance = {(int)ResponseProvenance.Unsolicited})" : "");

    /// <summary>
    /// Schema 8: the unsolicited flag in the key (<see cref="ResponseProvenance.Unsolicited"/>), so reports leave
    /// unsolicited responses out as they do manual sends: the table again with the new key column, its triggers, and
    /// every rollup row rebuilt from the responses stored.
    /// </summary>
    public static string AddUnsolicited() => new StringBuilder()
        .Append("DROP TRIGGER nps_response_days_insert;\nDROP TRIGGER nps_response_days_delete;\nDROP TRIGGER nps_response_days_update;\n")
        .Append("DROP TABLE nps_response_days;\n")
        .Append("CREATE TABLE nps_response_days (\n")
        .Append("    dimension TEXT NOT NULL, span INTEGER NOT NULL, utc_day INTEGER NOT NULL, has_value INTEGER NOT NULL, value TEXT NOT NULL, manual INTEGER NOT NULL, unsolicited INTEGER NOT NULL,\n    ")
        .Append(UtcDayPlan.WideColumns(c => c + (c[0] == 'c' ? " INTEGER NOT NULL" : " REAL NOT NULL")))
        .Append(",\n    min_p REAL NOT NULL, max_p REAL NOT NULL,\n    PRIMARY KEY (").Append(KeyWithUnsolicited).Append(")\n) WITHOUT ROWID;\n")
        .Append(Triggers(UtcDayPlan.Spans, UtcDayPlan.RollupDimensions, unsolicited: true))
        .Append(Backfill(UtcDayPlan.Spans, UtcDayPlan.RollupDimensions, unsolicited: true))
        .ToString();

    /// <summary>
    /// Schema 11: the delete trigger again, skipped while retention deletes (<c>nps_retention.erasing</c> is 1 inside
    /// its transactions only), so retained responses keep their counts in the rollups; erasure still subtracts.
    /// </summary>
    public static string KeepCountsOnRetention() => new StringBuilder()
        .Append("DROP TRIGGER nps_response_days_delete;\n")
        .Append("CREATE TRIGGER nps_response_days_delete AFTER DELETE ON nps_responses\n")
        .Append("    WHEN coalesce((SELECT erasing FROM nps_retention WHERE id = 1), 0) = 0 BEGIN\n")
        .Append(Subtract("OLD", UtcDayPlan.Spans, UtcDayPlan.RollupDimensions, unsolicited: true)).Append("END;\n")
        .ToString();

    /// <summary>
    /// Every rollup row again from the responses stored, one grouped statement per dimension and span (the migrations'
    /// backfill): for a bulk load that inserted its responses with the row trigger <c>nps_response_days_insert</c> set aside.
    /// </summary>
    internal static string Rebuild() =>
        "DELETE FROM nps_response_days;\n" + Backfill(UtcDayPlan.Spans, UtcDayPlan.RollupDimensions, unsolicited: true);

    /// <summary>Schema 3: the table, its triggers for days and weeks, and the rollups of the responses already stored.</summary>
    public static string Create() => new StringBuilder()
        .Append("CREATE TABLE nps_response_days (\n")
        .Append("    dimension TEXT NOT NULL, span INTEGER NOT NULL, utc_day INTEGER NOT NULL, has_value INTEGER NOT NULL, value TEXT NOT NULL, manual INTEGER NOT NULL,\n    ")
        .Append(UtcDayPlan.WideColumns(c => c + (c[0] == 'c' ? " INTEGER NOT NULL" : " REAL NOT NULL")))
        .Append(",\n    min_p REAL NOT NULL, max_p REAL NOT NULL,\n    PRIMARY KEY (").Append(Key).Append(")\n) WITHOUT ROWID;\n")
        .Append(Triggers(UtcDayPlan.DayAndWeekSpans))
        .Append(Backfill(UtcDayPlan.DayAndWeekSpans))
        .ToString();

    /// <summary>
    /// Schema 4: the month rows — the triggers again with the month span, and the month rows of what is stored,
    /// summed from its day rows.
    /// </summary>
    public static string AddMonths() => new StringBuilder()
        .Append("DROP TRIGGER nps_response_days_insert;\nDROP TRIGGER nps_response_days_delete;\nDROP TRIGGER nps_response_days_update;\n")
        .Append(Triggers(UtcDayPlan.Spans))
        .Append($"DELETE FROM nps_response_days WHERE span = {UtcDayPlan.MonthSpan};\n")
        .Append($"""
            INSERT INTO nps_response_days ({Key}, {UtcDayPlan.WideColumns(c => c)}, min_p, max_p)
            SELECT dimension, {UtcDayPlan.MonthSpan}, {MonthStart("utc_day")}, has_value, value, manual, {UtcDayPlan.WideColumns(c => $"sum({c})")}, min(min_p), max(max_p)
            FROM nps_response_days WHERE span = 1 GROUP BY dimension, 3, has_value, value, manual;

            """)
        .ToString();

    /// <summary>
    /// Schema 7: the (team, agent) pair rows (<see cref="UtcDayPlan.TeamAgent"/>) — the triggers again with the pair
    /// dimension, and the pair rows of what is stored, for every span, from the responses.
    /// </summary>
    public static string AddTeamAgentPairs() => new StringBuilder()
        .Append("DROP TRIGGER nps_response_days_insert;\nDROP TRIGGER nps_response_days_delete;\nDROP TRIGGER nps_response_days_update;\n")
        .Append(Triggers(UtcDayPlan.Spans, UtcDayPlan.RollupDimensions))
        .Append($"DELETE FROM nps_response_days WHERE dimension = '{UtcDayPlan.TeamAgent}';\n")
        .Append(Backfill(UtcDayPlan.Spans, [UtcDayPlan.TeamAgent]))
        .ToString();

    private static string Triggers(int[] spans, string[]? dimensions = null, bool unsolicited = false) => new StringBuilder()
        .Append("CREATE TRIGGER nps_response_days_insert AFTER INSERT ON nps_responses BEGIN\n").Append(Add("NEW", spans, dimensions ?? UtcDayPlan.Dimensions, unsolicited)).Append("END;\n")
        .Append("CREATE TRIGGER nps_response_days_delete AFTER DELETE ON nps_responses BEGIN\n").Append(Subtract("OLD", spans, dimensions ?? UtcDayPlan.Dimensions, unsolicited)).Append("END;\n")
        .Append("CREATE TRIGGER nps_response_days_update AFTER UPDATE OF responded_at, rating, is_manual, inclusion_probability, kind, team, agent, channel, product, touchpoint")
        .Append(unsolicited ? ", provenance" : "").Append(" ON nps_responses BEGIN\n")
        .Append(Subtract("OLD", spans, dimensions ?? UtcDayPlan.Dimensions, unsolicited)).Append(Add("NEW", spans, dimensions ?? UtcDayPlan.Dimensions, unsolicited)).Append("END;\n")
        .ToString();

    /// <summary>The expression of a rollup dimension's value over a response row (<paramref name="row"/> <c>.</c> column).</summary>
    private static string Value(string dimension, string row) => dimension switch
    {
        "" => "NULL",
        "survey_kind" => $"CASE {row}.kind WHEN 1 THEN 'relational' ELSE 'transactional' END",
        UtcDayPlan.TeamAgent => UtcDayPlan.PairValueSql(row + ".team", row + ".agent", PairLength),
        _ => row + "." + dimension,
    };

    /// <summary>A text's length in characters for <see cref="UtcDayPlan.PairValueSql"/> (SQLite's length() counts code points).</summary>
    internal const string PairLength = "length({0})";

    /// <summary>The rollup keys of one row (dimension name, value) for each rollup dimension, as a <c>UNION ALL</c>.</summary>
    private static string Dimensions(string row, string[] dimensions) =>
        string.Join(" UNION ALL ", dimensions.Select(d => $"SELECT '{d}' AS name, {Value(d, row)} AS v"));

    private static string Day(string row) => $"{row}.responded_at / {TimeSpan.TicksPerDay.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The first day of the span holding a row's day: the day itself, its UTC week's Monday, or its UTC month's first
    /// day (<paramref name="span"/> a literal or a column).
    /// </summary>
    private static string SpanStart(string row, string span) => int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var literal)
        ? literal == UtcDayPlan.MonthSpan ? MonthStart(Day(row)) : $"{Day(row)} / {span} * {span}"
        : $"CASE WHEN {span} = {UtcDayPlan.MonthSpan} THEN {MonthStart(Day(row))} ELSE {Day(row)} / {span} * {span} END";

    /// <summary>
    /// The first day of the UTC month holding a day number (<see cref="DateOnly.DayNumber"/>: day 0 is 0001-01-01, Julian day
    /// 1721425.5), by SQLite's proleptic Gregorian date functions.
    /// </summary>
    private static string MonthStart(string day) => $"CAST(julianday({day} + 1721425.5, 'start of month') - 1721425.5 AS INTEGER)";

    private static string Spans(int[] spans) => string.Join(" UNION ALL ", spans.Select(s => $"SELECT {s.ToString(CultureInfo.InvariantCulture)} AS span"));

    private static string SpanMatch(string row, int[] spans) =>
        "(" + string.Join(" OR ", spans.Select(s => s.ToString(CultureInfo.InvariantCulture)).Select(s => $"(span = {s} AND utc_day = {SpanStart(row, s)})")) + ")";

    private static string Add(string row, int[] spans, string[] dimensions, bool unsolicited) => $"""
        INSERT INTO nps_response_days ({KeyOf(unsolicited)}, {UtcDayPlan.WideColumns(c => c)}, min_p, max_p)
        SELECT d.name, s.span, {SpanStart(row, "s.span")}, d.v IS NOT NULL, coalesce(d.v, ''), {Flags(row, unsolicited)},
            {UtcDayPlan.RawWideColumns(row + ".rating", row + ".inclusion_probability", (_, value) => value)},
            {row}.inclusion_probability, {row}.inclusion_probability
        FROM ({Dimensions(row, dimensions)}) AS d, ({Spans(spans)}) AS s WHERE true
        ON CONFLICT ({KeyOf(unsolicited)}) DO UPDATE SET {UtcDayPlan.WideColumns(c => $"{c} = {c} + excluded.{c}")},
            min_p = min(min_p, excluded.min_p), max_p = max(max_p, excluded.max_p);

        """;

    private static string Subtract(string row, int[] spans, string[] dimensions, bool unsolicited) => $"""
        UPDATE nps_response_days SET {UtcDayPlan.RawWideColumns(row + ".rating", row + ".inclusion_probability", (name, value) => $"{name} = {name} - {value}")}
        WHERE {SpanMatch(row, spans)} AND {FlagsMatch(row, unsolicited)}
            AND (dimension, has_value, value) IN (SELECT name, v IS NOT NULL, coalesce(v, '') FROM ({Dimensions(row, dimensions)}));
        DELETE FROM nps_response_days WHERE {SpanMatch(row, spans)} AND {FlagsMatch(row, unsolicited)}
            AND {string.Join(" + ", UtcDayPlan.WideNames.Take(UtcDayPlan.Ratings))} = 0;

        """;

    /// <summary>The rollups of the responses already stored (a database from before schema version 3, or 7 for the pairs), one dimension at a time.</summary>
    private static string Backfill(int[] spans, string[]? dimensions = null, bool unsolicited = false)
    {
        var sql = new StringBuilder();
        foreach (var dimension in dimensions ?? UtcDayPlan.Dimensions)
        {
            foreach (var span in spans.Select(s => s.ToString(CultureInfo.InvariantCulture)))
            {
                var value = Value(dimension, "r");
                sql.Append($"""
                    INSERT INTO nps_response_days ({KeyOf(unsolicited)}, {UtcDayPlan.WideColumns(c => c)}, min_p, max_p)
                    SELECT '{dimension}', {span}, {SpanStart("r", span)}, {value} IS NOT NULL, coalesce({value}, ''), {Flags("r", unsolicited)},
                        {UtcDayPlan.RawWideColumns("r.rating", "r.inclusion_probability", (_, v) => $"sum({v})")},
                        min(r.inclusion_probability), max(r.inclusion_probability)
                    FROM nps_responses AS r GROUP BY 3, 4, 5, 6{(unsolicited ? ", 7" : "")};

                    """);
            }
        }

        return sql.ToString();
    }
}

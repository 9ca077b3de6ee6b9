using System.Text;
using Nps.Reporting;

namespace Nps.PostgreSql.Reporting;

/// <summary>
/// The daily, weekly and monthly rollups of stored responses (migrations 3 and 4): table <c>nps_response_days</c>, one
/// row per span (a UTC day, a UTC week from its Monday, or a UTC calendar month: <c>span</c> 1, 7 or 31,
/// <c>utc_day</c> its first day; the month rows since migration 4), rollup dimension
/// (<c>""</c> for all responses, or a built-in dimension), value and manual flag, with 11 rating counts, weight sums
/// and squared weight sums and the smallest and largest inclusion probability; kept by statement-level triggers on <c>nps_responses</c> in the inserting transaction, so every insert path (the store, <c>COPY</c>, an
/// <c>INSERT ... SELECT</c> typed by hand) keeps them exact.
/// </summary>
/// <remarks>
/// <para>Concurrency: a trigger aggregates its statement's transition table first, so a bulk insert touches each
/// rollup row once, and upserts in the unique key's order, so two concurrent bulk inserts lock shared rows in the
/// same order and queue instead of deadlocking. Inserts through <see cref="PostgreSqlResponseStore"/> are serialised
/// by its response-order advisory lock anyway.</para>
/// <para>The unique key holds <c>md5(value)</c> rather than the value, so a dimension value of any length fits a
/// B-tree entry. A deletion or an update subtracts the old rows' counts and sums (and removes rows whose counts
/// reach 0); <c>TRUNCATE</c> empties the rollups too. The probability bounds cannot be narrowed again, so after a
/// deletion they are bounds of what is stored, as the report builder needs them (it only asks whether a cell's
/// probabilities differ). Erasure on request deletes responses and the rollups follow; retention deletes them with the
/// transaction's setting <c>nps.retention</c> on, which the delete trigger's <c>WHEN</c> skips (since migration 11), so
/// their counts stay in the rollups.</para>
/// </remarks>
internal static class PostgreSqlRollupSchema
{
    private const string Key = "dimension, span, utc_day, has_value, manual, md5(value)";

    /// <summary>The unique key since migration 8: the unsolicited flag beside the manual flag.</summary>
    private const string KeyWithUnsolicited = "dimension, span, utc_day, has_value, manual, unsolicited, md5(value)";

    /// <summary>
    /// Migration 8: the unsolicited flag in the key (<see cref="ResponseProvenance.Unsolicited"/>), so reports leave
    /// unsolicited responses out as they do manual sends: the column and the unique key, the trigger functions replaced,
    /// and every rollup row rebuilt from the responses stored.
    /// </summary>
    public static string AddUnsolicited() => new StringBuilder()
        .Append("DROP INDEX nps_response_days_key;\nDELETE FROM nps_response_days;\n")
        .Append("ALTER TABLE nps_response_days ADD COLUMN unsolicited boolean NOT NULL DEFAULT false;\n")
        .Append("ALTER TABLE nps_response_days ALTER COLUMN unsolicited DROP DEFAULT;\n")
        .Append("CREATE UNIQUE INDEX nps_response_days_key ON nps_response_days (").Append(KeyWithUnsolicited).Append(");\n")
        .Append(Functions(UtcDayPlan.Spans, replace: true, UtcDayPlan.RollupDimensions, unsolicited: true))
        .Append(Upsert("nps_responses", add: true, UtcDayPlan.Spans, UtcDayPlan.RollupDimensions, unsolicited: true))
        .ToString();

    /// <summary>
    /// Migration 11: the delete trigger again, skipped while retention deletes (the setting <c>nps.retention</c> is
    /// <c>on</c> inside its transactions only), so retained responses keep their counts in the rollups.
    /// </summary>
    public const string KeepCountsOnRetention = """
        DROP TRIGGER nps_response_days_delete ON nps_responses;
        CREATE TRIGGER nps_response_days_delete AFTER DELETE ON nps_responses REFERENCING OLD TABLE AS removed
            FOR EACH STATEMENT WHEN (coalesce(current_setting('nps.retention', true), '') <> 'on') EXECUTE FUNCTION nps_response_days_delete();

        """;

    /// <summary>Migration 3: table, functions and triggers for days and weeks, and the rollups of the responses already stored.</summary>
    public static string Create() => new StringBuilder()
        .Append("CREATE TABLE nps_response_days (\n")
        .Append("    dimension text NOT NULL, span integer NOT NULL, utc_day integer NOT NULL, has_value boolean NOT NULL, value text NOT NULL, manual boolean NOT NULL,\n    ")
        .Append(UtcDayPlan.WideColumns(c => c + (c[0] == 'c' ? " integer NOT NULL" : " double precision NOT NULL")))
        .Append(",\n    min_p double precision NOT NULL, max_p double precision NOT NULL\n);\n")
        .Append("CREATE UNIQUE INDEX nps_response_days_key ON nps_response_days (").Append(Key).Append(");\n")
        .Append(Functions(UtcDayPlan.DayAndWeekSpans, replace: false))
        .Append(Function("nps_response_days_truncate", "TRUNCATE nps_response_days;\n", replace: false))
        .Append("""
            CREATE TRIGGER nps_response_days_insert AFTER INSERT ON nps_responses REFERENCING NEW TABLE AS inserted
                FOR EACH STATEMENT EXECUTE FUNCTION nps_response_days_insert();
            CREATE TRIGGER nps_response_days_delete AFTER DELETE ON nps_responses REFERENCING OLD TABLE AS removed
                FOR EACH STATEMENT EXECUTE FUNCTION nps_response_days_delete();
            CREATE TRIGGER nps_response_days_update AFTER UPDATE ON nps_responses REFERENCING OLD TABLE AS removed NEW TABLE AS inserted
                FOR EACH STATEMENT EXECUTE FUNCTION nps_response_days_update();
            CREATE TRIGGER nps_response_days_truncate AFTER TRUNCATE ON nps_responses
                FOR EACH STATEMENT EXECUTE FUNCTION nps_response_days_truncate();

            """)
        .Append(Upsert("nps_responses", add: true, UtcDayPlan.DayAndWeekSpans))
        .ToString();

    /// <summary>
    /// Migration 4: the month rows — the trigger functions replaced by ones that keep the month span too (the
    /// triggers stay), and the month rows of what is stored, summed from its day rows.
    /// </summary>
    public static string AddMonths() => new StringBuilder()
        .Append(Functions(UtcDayPlan.Spans, replace: true))
        .Append($"""
            INSERT INTO nps_response_days (dimension, span, utc_day, has_value, value, manual, {UtcDayPlan.WideColumns(c => c)}, min_p, max_p)
            SELECT dimension, {UtcDayPlan.MonthSpan}, {MonthStart("utc_day")}, has_value, value, manual, {UtcDayPlan.WideColumns(c => $"sum({c})")}, min(min_p), max(max_p)
            FROM nps_response_days WHERE span = 1 GROUP BY dimension, 3, has_value, value, manual
            ORDER BY 1, 3, 4, 6, md5(value);

            """)
        .ToString();

    /// <summary>
    /// Migration 7: the (team, agent) pair rows (<see cref="UtcDayPlan.TeamAgent"/>) — the trigger functions
    /// replaced by ones that keep the pair dimension too, and the pair rows of what is stored, for every span.
    /// </summary>
    public static string AddTeamAgentPairs() => new StringBuilder()
        .Append(Functions(UtcDayPlan.Spans, replace: true, UtcDayPlan.RollupDimensions))
        .Append($"DELETE FROM nps_response_days WHERE dimension = '{UtcDayPlan.TeamAgent}';\n")
        .Append(Upsert("nps_responses", add: true, UtcDayPlan.Spans, [UtcDayPlan.TeamAgent]))
        .ToString();

    /// <summary>A text's length in characters for <see cref="UtcDayPlan.PairValueSql"/> (code points, as text).</summary>
    internal const string PairLength = "char_length({0})::text";

    private static string Functions(int[] spans, bool replace, string[]? dimensions = null, bool unsolicited = false) => new StringBuilder()
        .Append(Function("nps_response_days_insert", Upsert("inserted", add: true, spans, dimensions, unsolicited), replace))
        .Append(Function("nps_response_days_delete", Upsert("removed", add: false, spans, dimensions, unsolicited) + RemoveEmpty("removed", spans), replace))
        .Append(Function("nps_response_days_update", Upsert("removed", add: false, spans, dimensions, unsolicited) + Upsert("inserted", add: true, spans, dimensions, unsolicited)
            + RemoveEmpty("removed", spans), replace))
        .ToString();

    /// <summary>A trigger function; its search path is the migration's, so the triggers find the rollups whatever the inserting session's path.</summary>
    private static string Function(string name, string body, bool replace) => $"""
        CREATE {(replace ? "OR REPLACE " : "")}FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN
        {body}RETURN NULL;
        END
        $$;

        """;

    private const string Day = "((r.responded_at AT TIME ZONE 'UTC')::date - date '0001-01-01')";

    /// <summary>The first day of the UTC month holding a response (day numbers, as <see cref="Day"/>).</summary>
    private const string Month = "(date_trunc('month', r.responded_at AT TIME ZONE 'UTC')::date - date '0001-01-01')";

    /// <summary>The first day of the UTC month holding a day number.</summary>
    private static string MonthStart(string day) => $"(date_trunc('month', date '0001-01-01' + {day})::date - date '0001-01-01')";

    /// <summary>The first day of the span (a column) holding a response: its day, its UTC week's Monday, or its UTC month's first day.</summary>
    private static string SpanStart(string span) => $"CASE WHEN {span} = {UtcDayPlan.MonthSpan} THEN {Month} ELSE {Day} / {span} * {span} END";

    /// <summary>
    /// Adds (or subtracts: negated sums) the rollups of the rows in <paramref name="source"/>: aggregated per rollup
    /// row first, then upserted in the unique key's order.
    /// </summary>
    private static string Upsert(string source, bool add, int[] spans, string[]? dimensions = null, bool unsolicited = false)
    {
        var values = string.Join(", ", (dimensions ?? UtcDayPlan.Dimensions).Select(d => d switch
        {
            "" => "('', NULL::text)",
            "survey_kind" => "('survey_kind', CASE r.kind WHEN 1 THEN 'relational' ELSE 'transactional' END)",
            UtcDayPlan.TeamAgent => $"('{d}', {UtcDayPlan.PairValueSql("r.team", "r.agent", PairLength)})",
            _ => $"('{d}', r.{d})",
        }));
        var bounds = add ? "min_p = least(t.min_p, excluded.min_p), max_p = greatest(t.max_p, excluded.max_p)" : "min_p = t.min_p, max_p = t.max_p";
        return $"""
            INSERT INTO nps_response_days AS t (dimension, span, utc_day, has_value, value, manual{(unsolicited ? ", unsolicited" : "")}, {UtcDayPlan.WideColumns(c => c)}, min_p, max_p)
            SELECT d.name, s.span, {(spans.Contains(UtcDayPlan.MonthSpan) ? SpanStart("s.span") : Day + " / s.span * s.span")}, d.v IS NOT NULL, coalesce(d.v, ''), r.is_manual{(unsolicited ? $", r.provenance = {(int)ResponseProvenance.Unsolicited}" : "")},
                {UtcDayPlan.RawWideColumns("r.rating", "r.inclusion_probability", (_, v) => add ? $"sum({v})" : $"-sum({v})")},
                min(r.inclusion_probability), max(r.inclusion_probability)
            FROM {source} AS r CROSS JOIN LATERAL (VALUES {values}) AS d (name, v) CROSS JOIN (VALUES {string.Join(", ", spans.Select(n => $"({n})"))}) AS s (span)
            GROUP BY 1, 2, 3, 4, 5, 6{(unsolicited ? ", 7" : "")}
            ORDER BY 1, 2, 3, 4, 6, {(unsolicited ? "7, " : "")}md5(coalesce(d.v, ''))
            ON CONFLICT ({(unsolicited ? KeyWithUnsolicited : Key)}) DO UPDATE SET {UtcDayPlan.WideColumns(c => $"{c} = t.{c} + excluded.{c}")}, {bounds};

            """;
    }

    private static string RemoveEmpty(string source, int[] spans) => $"""
        DELETE FROM nps_response_days AS t USING (SELECT DISTINCT {Day} AS utc_day, {Month} AS utc_month FROM {source} AS r) AS k
        WHERE (t.span = 1 AND t.utc_day = k.utc_day OR t.span = 7 AND t.utc_day = k.utc_day / 7 * 7{(spans.Contains(UtcDayPlan.MonthSpan) ? $" OR t.span = {UtcDayPlan.MonthSpan} AND t.utc_day = k.utc_month" : "")}) AND {string.Join(" + ", UtcDayPlan.WideNames.Take(UtcDayPlan.Ratings).Select(c => "t." + c))} = 0;

        """;
}

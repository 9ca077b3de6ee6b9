using System.Globalization;
using System.Text;

namespace Nps.Sqlite.Reporting;

/// <summary>
/// The daily and weekly rollups of stored responses (schema version 3): table <c>nps_response_days</c>, one row per
/// span (a UTC day, or a UTC week from its Monday: <c>span</c> 1 or 7, <c>utc_day</c> its first day), rollup
/// dimension (<c>""</c> for all responses, or a built-in dimension), value and manual flag, with 11 rating counts,
/// weight sums and squared weight sums and the smallest and largest inclusion probability; kept by triggers on
/// <c>nps_responses</c>, so every insert path (the store, an import, SQL typed by hand) keeps them exact in the same
/// transaction.
/// </summary>
/// <remarks>
/// A deletion or an update subtracts the old row's counts and sums (and removes rows whose counts reach 0); the
/// probability bounds cannot be narrowed again, so after a deletion they are bounds of what is stored, as the report
/// builder needs them (it only asks whether a cell's probabilities differ). No path in this package deletes or
/// updates responses.
/// </remarks>
internal static class SqliteRollupSchema
{
    private const string Key = "dimension, span, utc_day, has_value, value, manual";

    /// <summary>The table, its triggers, and the rollups of the responses already stored.</summary>
    public static string Create() => new StringBuilder()
        .Append("CREATE TABLE nps_response_days (\n")
        .Append("    dimension TEXT NOT NULL, span INTEGER NOT NULL, utc_day INTEGER NOT NULL, has_value INTEGER NOT NULL, value TEXT NOT NULL, manual INTEGER NOT NULL,\n    ")
        .Append(UtcDayPlan.WideColumns(c => c + (c[0] == 'c' ? " INTEGER NOT NULL" : " REAL NOT NULL")))
        .Append(",\n    min_p REAL NOT NULL, max_p REAL NOT NULL,\n    PRIMARY KEY (").Append(Key).Append(")\n) WITHOUT ROWID;\n")
        .Append("CREATE TRIGGER nps_response_days_insert AFTER INSERT ON nps_responses BEGIN\n").Append(Add("NEW")).Append("END;\n")
        .Append("CREATE TRIGGER nps_response_days_delete AFTER DELETE ON nps_responses BEGIN\n").Append(Subtract("OLD")).Append("END;\n")
        .Append("CREATE TRIGGER nps_response_days_update AFTER UPDATE OF responded_at, rating, is_manual, inclusion_probability, kind, team, agent, channel, product, touchpoint ON nps_responses BEGIN\n")
        .Append(Subtract("OLD")).Append(Add("NEW")).Append("END;\n")
        .Append(Backfill())
        .ToString();

    /// <summary>The expression of a rollup dimension's value over a response row (<paramref name="row"/> <c>.</c> column).</summary>
    private static string Value(string dimension, string row) => dimension switch
    {
        "" => "NULL",
        "survey_kind" => $"CASE {row}.kind WHEN 1 THEN 'relational' ELSE 'transactional' END",
        _ => row + "." + dimension,
    };

    /// <summary>The rollup keys of one row (dimension name, value) for each rollup dimension, as a <c>UNION ALL</c>.</summary>
    private static string Dimensions(string row) =>
        string.Join(" UNION ALL ", UtcDayPlan.Dimensions.Select(d => $"SELECT '{d}' AS name, {Value(d, row)} AS v"));

    private static string Day(string row) => $"{row}.responded_at / {TimeSpan.TicksPerDay.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The first day of the span holding a row's day: the day itself, or its UTC week's Monday.</summary>
    private static string SpanStart(string row, string span) => $"{Day(row)} / {span} * {span}";

    private static string Spans => string.Join(" UNION ALL ", UtcDayPlan.Spans.Select(s => $"SELECT {s.ToString(CultureInfo.InvariantCulture)} AS span"));

    private static string SpanMatch(string row) =>
        "(" + string.Join(" OR ", UtcDayPlan.Spans.Select(s => s.ToString(CultureInfo.InvariantCulture)).Select(s => $"(span = {s} AND utc_day = {SpanStart(row, s)})")) + ")";

    private static string Add(string row) => $"""
        INSERT INTO nps_response_days ({Key}, {UtcDayPlan.WideColumns(c => c)}, min_p, max_p)
        SELECT d.name, s.span, {SpanStart(row, "s.span")}, d.v IS NOT NULL, coalesce(d.v, ''), {row}.is_manual,
            {UtcDayPlan.RawWideColumns(row + ".rating", row + ".inclusion_probability", (_, value) => value)},
            {row}.inclusion_probability, {row}.inclusion_probability
        FROM ({Dimensions(row)}) AS d, ({Spans}) AS s WHERE true
        ON CONFLICT ({Key}) DO UPDATE SET {UtcDayPlan.WideColumns(c => $"{c} = {c} + excluded.{c}")},
            min_p = min(min_p, excluded.min_p), max_p = max(max_p, excluded.max_p);

        """;

    private static string Subtract(string row) => $"""
        UPDATE nps_response_days SET {UtcDayPlan.RawWideColumns(row + ".rating", row + ".inclusion_probability", (name, value) => $"{name} = {name} - {value}")}
        WHERE {SpanMatch(row)} AND manual = {row}.is_manual
            AND (dimension, has_value, value) IN (SELECT name, v IS NOT NULL, coalesce(v, '') FROM ({Dimensions(row)}));
        DELETE FROM nps_response_days WHERE {SpanMatch(row)} AND manual = {row}.is_manual
            AND {string.Join(" + ", UtcDayPlan.WideNames.Take(UtcDayPlan.Ratings))} = 0;

        """;

    /// <summary>The rollups of the responses already stored (a database from before schema version 3), one dimension at a time.</summary>
    private static string Backfill()
    {
        var sql = new StringBuilder();
        foreach (var dimension in UtcDayPlan.Dimensions)
        {
            foreach (var span in UtcDayPlan.Spans.Select(s => s.ToString(CultureInfo.InvariantCulture)))
            {
                var value = Value(dimension, "r");
                sql.Append($"""
                    INSERT INTO nps_response_days ({Key}, {UtcDayPlan.WideColumns(c => c)}, min_p, max_p)
                    SELECT '{dimension}', {span}, {SpanStart("r", span)}, {value} IS NOT NULL, coalesce({value}, ''), r.is_manual,
                        {UtcDayPlan.RawWideColumns("r.rating", "r.inclusion_probability", (_, v) => $"sum({v})")},
                        min(r.inclusion_probability), max(r.inclusion_probability)
                    FROM nps_responses AS r GROUP BY 3, 4, 5, 6;

                    """);
            }
        }

        return sql.ToString();
    }
}

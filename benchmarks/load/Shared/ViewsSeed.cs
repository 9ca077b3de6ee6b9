using System.Globalization;

/// <summary>
/// The analyst views' seed, shared by <c>--views-quick</c> and the ViewsLoad kit so their figures compare: the load
/// kit's responses (<c>run.sh</c>: two years from 2025-01-01, 12 teams, 300 agents, a third by phone, 2 % manual) with a
/// comment on every fifth and a callback request on every 37th, inserted straight into <c>nps_responses</c>.
/// </summary>
static class ViewsSeed
{
    private const string Comment = "CASE WHEN i % 5 = 0 THEN CASE i % 4 WHEN 0 THEN 'Waited far too long on hold' WHEN 1 THEN 'Friendly and quick, thank you' "
        + "WHEN 2 THEN 'The app keeps crashing' ELSE 'Nobody called me back' END END";

    /// <summary>SQLite: one <c>INSERT … SELECT</c> of <paramref name="rows"/> responses (run.sh's seed_sqlite).</summary>
    public static string Sqlite(int rows) => string.Create(CultureInfo.InvariantCulture, $"""
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {rows} - 1)
        INSERT INTO nps_responses (response_id, respondent_id, kind, rating, callback_requested, responded_at, offset_minutes, team, agent, channel,
          inclusion_probability, probability_stated, is_manual, received_at, comment)
        SELECT 'L' || i, 'C' || (i % 200000), 0, abs(random()) % 11, i % 37 = 0,
          638712864000000000 + i * (630720000000000 / {rows}), 60, 'team-' || (i % 12), 'agent-' || (i % 300), CASE i % 3 WHEN 0 THEN 'phone' ELSE 'chat' END,
          1.0, 0, i % 50 = 0, 638712864000000000 + i * (630720000000000 / {rows}), {Comment}
        FROM n;
        """);

    /// <summary>PostgreSQL: one <c>INSERT … SELECT</c> of <paramref name="rows"/> responses (run.sh's seed_postgres).</summary>
    public static string Postgres(int rows) => string.Create(CultureInfo.InvariantCulture, $"""
        INSERT INTO nps_responses (response_id, respondent_id, kind, rating, callback_requested, responded_at, offset_minutes, team, agent, channel,
          inclusion_probability, probability_stated, is_manual, received_at, received_offset_minutes, comment)
        SELECT 'L' || i, 'C' || (i % 200000), 0, floor(random() * 11)::int, i % 37 = 0,
          timestamptz '2025-01-01 00:00:00+00' + i * (interval '730 days' / {rows}), 60, 'team-' || (i % 12), 'agent-' || (i % 300),
          CASE i % 3 WHEN 0 THEN 'phone' ELSE 'chat' END, 1.0, false, i % 50 = 0, timestamptz '2025-01-01 00:00:00+00', 60, {Comment}
        FROM generate_series(0, {rows} - 1) AS i
        """);
}

using System.Globalization;

/// <summary>
/// The analyst views' seed, shared by <c>--views-quick</c> and the ViewsLoad kit so their figures compare: the load
/// kit's responses (<c>run.sh</c>: two years from 2025-01-01, 12 teams, 300 agents, a third by phone, 2 % manual) with a
/// comment on every fifth and a callback request on every 37th, inserted straight into <c>nps_responses</c>, and the
/// follow-ups of their detractors and callback requests in <c>nps_follow_ups</c>.
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

    /// <summary>
    /// PostgreSQL: the follow-ups of the seeded detractors and callback requests (as the follow-up policy opens them:
    /// callback 24 h, else detractor 48 h), in every status: of each ten, four contacted within the SLA and closed, two
    /// contacted late and closed, two contacted, one closed without contact and one still open; with the columns the
    /// store counts and pages by (schema step 13), as the store writes them.
    /// </summary>
    public static string PostgresFollowUps() => $"""
        INSERT INTO nps_follow_ups (id, customer_id, status, due_at, team_key, category, responded_ticks, due_ticks, contacted_ticks, time_to_contact, id_hash, body)
        SELECT 'fu-' || response_id, respondent_id, status, due, upper(team), CASE WHEN rating <= 6 THEN 0 WHEN rating <= 8 THEN 1 ELSE 2 END,
            {Ticks("responded_at")}, {Ticks("due")}, {Ticks("contacted")}, {Ticks("contacted")} - {Ticks("responded_at")},
            upper(encode(substring(sha256(convert_to('fu-' || response_id, 'UTF8')) from 1 for 16), 'hex')), json_build_object(
            'id', 'fu-' || response_id, 'responseId', response_id, 'customerId', respondent_id, 'reason', reason, 'rating', rating,
            'respondedAt', {Iso("responded_at")}, 'createdAt', {Iso("responded_at")}, 'dueAt', {Iso("due")}, 'ownerTeam', team, 'ownerAgent', agent,
            'status', initcap(status), 'contactedAt', {Iso("contacted")}, 'closedAt', {Iso("closed")})::text
        FROM (
            SELECT r.response_id, r.respondent_id, r.rating, r.responded_at, r.team, r.agent,
                CASE WHEN r.callback_requested THEN 'Callback' ELSE 'Detractor' END AS reason,
                CASE k WHEN 9 THEN 'open' WHEN 6 THEN 'contacted' WHEN 7 THEN 'contacted' ELSE 'closed' END AS status,
                CASE WHEN k <= 3 THEN r.responded_at + interval '20 hours' WHEN k <= 5 THEN r.responded_at + interval '60 hours'
                     WHEN k <= 7 THEN r.responded_at + interval '10 hours' END AS contacted,
                CASE WHEN k <= 5 THEN r.responded_at + interval '70 hours' WHEN k = 8 THEN r.responded_at + interval '72 hours' END AS closed,
                r.responded_at + CASE WHEN r.callback_requested THEN interval '24 hours' ELSE interval '48 hours' END AS due
            FROM nps_responses r, LATERAL (SELECT substring(r.response_id from 2)::bigint % 10 AS k) f
            WHERE r.rating <= 6 OR r.callback_requested
        ) s
        """;

    /// <summary>
    /// SQLite: the same follow-ups as <see cref="PostgresFollowUps"/>, as the SQLite store writes them (status by its
    /// name, instants in UTC ticks, the id hash from <c>nps_id_hash</c>, a function the seeding connection defines
    /// as <c>FollowUpListPosition.IdHashOf</c>).
    /// </summary>
    public static string SqliteFollowUps() => $"""
        INSERT INTO nps_follow_ups (follow_up_id, customer_id, status, due_at, body, team_key, category, responded_at, contacted_at, time_to_contact, id_hash)
        SELECT 'fu-' || response_id, respondent_id, status, due, json_object(
            'id', 'fu-' || response_id, 'responseId', response_id, 'customerId', respondent_id, 'reason', reason, 'rating', rating,
            'respondedAt', {SqliteIso("responded_at")}, 'createdAt', {SqliteIso("responded_at")}, 'dueAt', {SqliteIso("due")}, 'ownerTeam', team, 'ownerAgent', agent,
            'status', status, 'contactedAt', {SqliteIso("contacted")}, 'closedAt', {SqliteIso("closed")}),
            upper(team), CASE WHEN rating <= 6 THEN 0 WHEN rating <= 8 THEN 1 ELSE 2 END, responded_at, contacted, contacted - responded_at, nps_id_hash('fu-' || response_id)
        FROM (
            SELECT r.response_id, r.respondent_id, r.rating, r.responded_at, r.team, r.agent,
                CASE WHEN r.callback_requested THEN 'Callback' ELSE 'Detractor' END AS reason,
                CASE k WHEN 9 THEN 'Open' WHEN 6 THEN 'Contacted' WHEN 7 THEN 'Contacted' ELSE 'Closed' END AS status,
                CASE WHEN k <= 3 THEN r.responded_at + 20 * {TicksPerHour} WHEN k <= 5 THEN r.responded_at + 60 * {TicksPerHour}
                     WHEN k <= 7 THEN r.responded_at + 10 * {TicksPerHour} END AS contacted,
                CASE WHEN k <= 5 THEN r.responded_at + 70 * {TicksPerHour} WHEN k = 8 THEN r.responded_at + 72 * {TicksPerHour} END AS closed,
                r.responded_at + CASE WHEN r.callback_requested THEN 24 ELSE 48 END * {TicksPerHour} AS due
            FROM (SELECT *, CAST(substr(response_id, 2) AS INTEGER) % 10 AS k FROM nps_responses) AS r
            WHERE r.rating <= 6 OR r.callback_requested
        );
        """;

    private const long TicksPerHour = TimeSpan.TicksPerHour;

    /// <summary>A UTC ticks column as the round-trip text the store writes (seven fractional digits), or NULL.</summary>
    private static string SqliteIso(string column) =>
        $"CASE WHEN {column} IS NOT NULL THEN strftime('%Y-%m-%dT%H:%M:%S', ({column} - 621355968000000000) / 10000000, 'unixepoch') || '.' || printf('%07d', {column} % 10000000) || '+00:00' END";

    private static string Ticks(string column) => $"(621355968000000000 + (extract(epoch from {column}) * 1000000)::bigint * 10)";

    private static string Iso(string column) => $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"')";
}

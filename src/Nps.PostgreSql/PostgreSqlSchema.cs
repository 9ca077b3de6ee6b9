namespace Nps.PostgreSql;

/// <summary>The schema, as an append-only list of migrations: never edit a shipped step, add one.</summary>
internal static class PostgreSqlSchema
{
    /// <summary>The advisory lock key that serialises migrations ("nps-schema" as 8 bytes).</summary>
    public const long MigrationLockKey = 0x6E_70_73_2D_73_63_68_65;

    public const string LockAndCreateVersionTable = """
        SELECT pg_advisory_xact_lock($1);
        CREATE TABLE IF NOT EXISTS nps_schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
        """;

    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 1: responses, counted by reports (GROUP BY dimensions, local period, rating).
        """
        CREATE TABLE nps_responses (
            seq                   bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            response_id           text PRIMARY KEY,
            respondent_id         text NOT NULL,
            responded_at          timestamptz NOT NULL,
            offset_minutes        smallint NOT NULL,
            rating                smallint NOT NULL CHECK (rating BETWEEN 0 AND 10),
            kind                  smallint NOT NULL,
            team                  text,
            agent                 text,
            channel               text,
            product               text,
            touchpoint            text,
            attributes            jsonb NOT NULL DEFAULT '{}',
            inclusion_probability double precision NOT NULL CHECK (inclusion_probability > 0 AND inclusion_probability <= 1),
            is_manual             boolean NOT NULL,
            body                  text NOT NULL
        );
        CREATE INDEX nps_responses_by_time ON nps_responses (responded_at);
        CREATE INDEX nps_responses_by_respondent ON nps_responses (respondent_id, responded_at);
        """,
    ];
}

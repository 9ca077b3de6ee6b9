namespace Nps.PostgreSql;

/// <summary>The schema, as an append-only list of migrations: never edit a shipped step, add one.</summary>
internal static class PostgreSqlSchema
{
    /// <summary>The advisory lock key that serialises migrations ("nps-sche" as 8 bytes).</summary>
    public const long MigrationLockKey = 0x6E_70_73_2D_73_63_68_65;

    /// <summary>The advisory lock key that orders response inserts, so paging by sequence never skips one ("nps-resp").</summary>
    public const long ResponseOrderLockKey = 0x6E_70_73_2D_72_65_73_70;

    public const string Lock = "SELECT pg_advisory_xact_lock($1)";

    public const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS nps_schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())";

    /// <summary>
    /// A migration's statements (one batch command each: PostgreSQL prepares one statement per command), split at
    /// semicolons outside <c>$$</c>-quoted function bodies.
    /// </summary>
    public static IEnumerable<string> Statements(string migration)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < migration.Length; i++)
        {
            if (migration[i] == '$' && i + 1 < migration.Length && migration[i + 1] == '$')
            {
                quoted = !quoted;
                i++;
            }
            else if (migration[i] == ';' && !quoted)
            {
                if (migration[start..i].Trim() is { Length: > 0 } statement) yield return statement;
                start = i + 1;
            }
        }

        if (migration[start..].Trim() is { Length: > 0 } last) yield return last;
    }

    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 1: the ledger, decisions with their quotas, responses (counted by reports) and follow-ups.
        """
        CREATE TABLE nps_contacts (
            seq                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            customer_id           text NOT NULL,
            packed                bigint NOT NULL,
            event_id              text,
            inclusion_probability double precision
        );
        CREATE INDEX nps_contacts_by_customer ON nps_contacts (customer_id, packed);

        CREATE TABLE nps_decisions (
            customer_id text NOT NULL,
            event_id    text NOT NULL,
            outcome     text NOT NULL,
            decided_at  timestamptz NOT NULL,
            body        text NOT NULL,
            PRIMARY KEY (customer_id, event_id)
        );

        CREATE TABLE nps_quota_counts (
            policy       text NOT NULL,
            period_start timestamptz NOT NULL,
            used         integer NOT NULL CHECK (used >= 0),
            PRIMARY KEY (policy, period_start)
        );

        CREATE TABLE nps_responses (
            seq                     bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            response_id             text PRIMARY KEY,
            respondent_id           text NOT NULL,
            invitation_id           text,
            event_id                text,
            kind                    smallint NOT NULL,
            rating                  smallint NOT NULL CHECK (rating BETWEEN 0 AND 10),
            comment                 text,
            callback_requested      boolean NOT NULL,
            responded_at            timestamptz NOT NULL,
            offset_minutes          smallint NOT NULL,
            team                    text,
            agent                   text,
            channel                 text,
            product                 text,
            touchpoint              text,
            attributes              jsonb NOT NULL DEFAULT '{}',
            inclusion_probability   double precision NOT NULL CHECK (inclusion_probability > 0 AND inclusion_probability <= 1),
            probability_stated      boolean NOT NULL,
            is_manual               boolean NOT NULL,
            received_at             timestamptz NOT NULL,
            received_offset_minutes smallint NOT NULL,
            follow_up_id            text
        );
        CREATE INDEX nps_responses_by_time ON nps_responses (responded_at);
        CREATE INDEX nps_responses_by_respondent ON nps_responses (respondent_id, responded_at);

        CREATE TABLE nps_follow_ups (
            id          text PRIMARY KEY,
            customer_id text NOT NULL,
            status      text NOT NULL,
            due_at      timestamptz NOT NULL,
            body        text NOT NULL
        );
        CREATE INDEX nps_follow_ups_by_status ON nps_follow_ups (status, due_at);
        CREATE INDEX nps_follow_ups_by_customer ON nps_follow_ups (customer_id, due_at);
        """,

        // 2: each customer's first sighting by the program (a relational first slot counts from it).
        """
        CREATE TABLE nps_first_seen (
            customer_id   text PRIMARY KEY,
            first_seen_at timestamptz NOT NULL
        );
        """,

        // 3: the daily and weekly rollups reports read, kept by statement-level triggers, built from the responses already stored.
        Reporting.PostgreSqlRollupSchema.Create(),

        // 4: the rollups' UTC month rows, kept by the same triggers (their functions replaced), summed from the day rows.
        Reporting.PostgreSqlRollupSchema.AddMonths(),

        // 5: the version of the stored responses, bumped by statement-level triggers in the writing transaction.
        PostgreSqlResponseVersion.Create,

        // 6: the outbox's invitations (PostgreSqlInvitationStore) and each response's provenance (existing rows: solicited).
        PostgreSqlInvitationStore.Create,

        // 7: the rollups' (team, agent) pair rows, kept by the same triggers (their functions replaced), built from the responses.
        Reporting.PostgreSqlRollupSchema.AddTeamAgentPairs(),

        // 8: the unsolicited flag in the rollups' key: the column, the trigger functions replaced, the rows rebuilt from the responses.
        Reporting.PostgreSqlRollupSchema.AddUnsolicited(),

        // 9: erased customers' tombstones (PostgreSqlCustomerEraser): a keyed hash of the id and the time, nothing personal.
        PostgreSqlCustomerEraser.Create,

        // 10: the sent invitations by expiry (PostgreSqlInvitationStore.ExpireAsync reads only those): an index, no data changed.
        PostgreSqlInvitationStore.AddExpiryIndex,

        // 11: retention (PostgreSqlRetentionStore): its state, the rollups' delete trigger that keeps retained counts, and
        // indexes by time on the tables it trims.
        PostgreSqlRetentionStore.Create,

        // 12: comment themes as counts (Reporting.PostgreSqlThemeCounts): the matched mentions, their day sums, the queue
        // of comments to match and the taxonomy's state, empty until the first theme analysis matches the stored comments.
        Reporting.PostgreSqlThemeCounts.Create(),

        // 13: the follow-ups' counted columns (PostgreSqlFollowUpStore.AddCountColumns), filled from the stored bodies and
        // indexed right after the step (FollowUpCountColumnsVersion), so counts and pages read no bodies.
        PostgreSqlFollowUpStore.AddCountColumns,

        // 14: comments queued for matching announced to every listening instance (Reporting.PostgreSqlThemeNotifications):
        // a statement-level trigger on the queue calling pg_notify; no data changed.
        Reporting.PostgreSqlThemeNotifications.Create,
    ];

    /// <summary>The version whose columns are backfilled from the stored follow-ups (in C#: times at full precision, team keys as .NET cases them) and then indexed.</summary>
    public const int FollowUpCountColumnsVersion = 13;
}

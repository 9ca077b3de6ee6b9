namespace Nps.PostgreSql;

/// <summary>
/// The version of the stored responses (migration 5, see <see cref="Intake.IResponseDataVersion"/>): table
/// <c>nps_response_version</c>, one row, whose <c>version</c> statement-level triggers on <c>nps_responses</c> add 1 to
/// once per statement that inserted, updated or deleted a row (and on every <c>TRUNCATE</c>), in the writing
/// transaction. A sequence would not do: <c>nextval</c> is not transactional, so a reader could see a new number
/// with old rows. The row update is, and it is visible exactly when the rows are.
/// </summary>
/// <remarks>
/// The triggers are named so that they fire before the rollup triggers of the same statement (PostgreSQL fires them
/// in name order): a writer locks the version row before any rollup row, so writers queue on that one row instead of
/// deadlocking over rollup rows. It serialises the commits of response writers, which
/// <see cref="PostgreSqlResponseStore"/> does with its response-order lock anyway.
/// </remarks>
internal static class PostgreSqlResponseVersion
{
    public const string Read = "SELECT version FROM nps_response_version WHERE id = 1";

    /// <summary>
    /// The migration: the table starting at a random number below 2^46 (so a database created anew does not repeat
    /// the versions of an earlier one), the functions and the triggers. Statements with no row (an idempotent insert
    /// that conflicted) leave the version alone.
    /// </summary>
    public const string Create = """
        CREATE TABLE IF NOT EXISTS nps_response_version (
            id      integer PRIMARY KEY CHECK (id = 1),
            version bigint NOT NULL
        );
        INSERT INTO nps_response_version (id, version) VALUES (1, floor(random() * 70368744177664)::bigint) ON CONFLICT (id) DO NOTHING;
        CREATE OR REPLACE FUNCTION nps_response_bump_version() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN
        IF EXISTS (SELECT FROM changed) THEN
            UPDATE nps_response_version SET version = version + 1 WHERE id = 1;
        END IF;
        RETURN NULL;
        END
        $$;
        CREATE OR REPLACE FUNCTION nps_response_bump_version_truncate() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN
        UPDATE nps_response_version SET version = version + 1 WHERE id = 1;
        RETURN NULL;
        END
        $$;
        CREATE OR REPLACE TRIGGER nps_response_bump_version_insert AFTER INSERT ON nps_responses REFERENCING NEW TABLE AS changed
            FOR EACH STATEMENT EXECUTE FUNCTION nps_response_bump_version();
        CREATE OR REPLACE TRIGGER nps_response_bump_version_update AFTER UPDATE ON nps_responses REFERENCING NEW TABLE AS changed
            FOR EACH STATEMENT EXECUTE FUNCTION nps_response_bump_version();
        CREATE OR REPLACE TRIGGER nps_response_bump_version_delete AFTER DELETE ON nps_responses REFERENCING OLD TABLE AS changed
            FOR EACH STATEMENT EXECUTE FUNCTION nps_response_bump_version();
        CREATE OR REPLACE TRIGGER nps_response_bump_version_truncate AFTER TRUNCATE ON nps_responses
            FOR EACH STATEMENT EXECUTE FUNCTION nps_response_bump_version_truncate();
        """;

    /// <summary>Reads the version (one statement, so one snapshot).</summary>
    public static async ValueTask<long> ReadAsync(PostgreSqlNpsDatabase database, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(Read);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version
            ? version
            : throw new InvalidOperationException("The table nps_response_version has no row; restore it with: "
                + "INSERT INTO nps_response_version (id, version) VALUES (1, floor(random() * 70368744177664)::bigint);");
    }
}

// Compiled into Nps.Sqlite and Nps.PostgreSql (linked source, internal in each).
namespace Nps.Stores;

/// <summary>
/// The outbox's status transitions as both relational stores write them: one <c>UPDATE</c> of <c>nps_invitations</c>
/// each, naming the states a transition starts from (a row in another state is left alone, so a late or repeated call
/// changes nothing) and what it sets. The store names the parameters (<c>$id</c>, <c>$1</c>), binds them in its own
/// types and runs the statement in its own transaction.
/// </summary>
internal static class InvitationTransitions
{
    // Scheduled or sent: still to be delivered or reminded.
    private const string Open = "status IN ('scheduled', 'sent')";

    /// <summary>A response answered it (from scheduled, sent or expired): nothing more is due.</summary>
    public static string Answer(string id) =>
        $"UPDATE nps_invitations SET status = 'answered', due_at = NULL, claimed_until = NULL WHERE invitation_id = {id} AND status IN ('scheduled', 'sent', 'expired')";

    /// <summary>It was sent (from scheduled): sent at <paramref name="at"/>, its link open until <paramref name="expires"/>, the first reminder due at <paramref name="next"/> (NULL: none).</summary>
    public static string Send(string id, string at, string expires, string next) => $"""
        UPDATE nps_invitations SET status = 'sent', sent_at = {at}, expires_at = {expires}, due_at = {next}, attempts = 0, claimed_until = NULL
        WHERE invitation_id = {id} AND status = 'scheduled'
        """;

    /// <summary>Reminder <paramref name="number"/> was sent (only the next one of a sent invitation): the next is due at <paramref name="next"/> (NULL: none).</summary>
    public static string Remind(string id, string number, string next) => $"""
        UPDATE nps_invitations SET reminders = {number}, due_at = {next}, attempts = 0, claimed_until = NULL
        WHERE invitation_id = {id} AND status = 'sent' AND reminders = {number} - 1
        """;

    /// <summary>Due again at <paramref name="due"/> (while open), counting an attempt when <paramref name="failed"/> is 1.</summary>
    public static string Retry(string id, string due, string failed) =>
        $"UPDATE nps_invitations SET due_at = {due}, attempts = attempts + {failed}, claimed_until = NULL WHERE invitation_id = {id} AND {Open}";

    /// <summary>Delivery failed for good (while open): a scheduled one is failed, a sent one keeps its status; nothing more is due.</summary>
    public static string Fail(string id, string reason) => $"""
        UPDATE nps_invitations SET status = CASE status WHEN 'scheduled' THEN 'failed' ELSE status END, failure_reason = {reason},
            due_at = NULL, claimed_until = NULL
        WHERE invitation_id = {id} AND {Open}
        """;

    /// <summary>The address bounced (while open): nothing more is due.</summary>
    public static string Bounce(string id) =>
        $"UPDATE nps_invitations SET status = 'bounced', failure_reason = 'bounced', due_at = NULL, claimed_until = NULL WHERE invitation_id = {id} AND {Open}";

    /// <summary>The customer opted out through it (from any state but answered): nothing more is due.</summary>
    public static string OptOut(string id) => $"""
        UPDATE nps_invitations SET status = CASE status WHEN 'answered' THEN status ELSE 'opted-out' END, due_at = NULL, claimed_until = NULL
        WHERE invitation_id = {id}
        """;

    /// <summary>Every sent invitation whose link expired by <paramref name="now"/>: nothing more is due.</summary>
    public static string Expire(string now) =>
        $"UPDATE nps_invitations SET status = 'expired', due_at = NULL, claimed_until = NULL WHERE status = 'sent' AND expires_at <= {now}";
}

// Compiled into Nps.Sqlite and Nps.PostgreSql (linked source, internal in each).
namespace Nps.Stores;

/// <summary>
/// Which rows retention removes in both relational stores, one rule a table, and the one statement that removes a
/// batch of them: the first rows (up to a limit) that the rule matches before a cutoff, found by the table's key. The
/// key, the parameter names (<c>$cutoff</c>, <c>$1</c>) and how batches are run and locked are each store's own.
/// </summary>
internal static class RetentionRules
{
    /// <summary><c>nps_responses</c>: answered before the cutoff, oldest first.</summary>
    public static readonly Rule Responses = new("nps_responses", "r", cutoff => $"r.responded_at < {cutoff}", " ORDER BY r.responded_at");

    /// <summary><c>nps_follow_ups</c>: due before the cutoff.</summary>
    public static readonly Rule FollowUps = new("nps_follow_ups", "u", cutoff => $"u.due_at < {cutoff}");

    /// <summary><c>nps_invitations</c>: scheduled before the cutoff, except a sent invitation whose link still opens: it stays until the link expires.</summary>
    public static readonly Rule Invitations = new("nps_invitations", "i",
        cutoff => $"i.scheduled_at < {cutoff} AND NOT (i.status = 'sent' AND i.expires_at IS NOT NULL AND i.expires_at >= {cutoff})");

    /// <summary><c>nps_decisions</c>: decided before the cutoff.</summary>
    public static readonly Rule Decisions = new("nps_decisions", "d", cutoff => $"d.decided_at < {cutoff}");

    /// <summary>
    /// <c>nps_contacts</c>: packed below the cutoff given in packed form (<see cref="RetentionBatch.PackedBefore"/>), except
    /// each customer's latest opt-out or opt-in (kinds 3 and 4 of <see cref="Fatigue.ContactKind"/>): consent does not expire.
    /// </summary>
    public static readonly Rule Contacts = new("nps_contacts", "c", packedBefore => $"""
        c.packed < {packedBefore}
            AND NOT ((c.packed & 15) IN (3, 4) AND NOT EXISTS (SELECT 1 FROM nps_contacts AS l
                WHERE l.customer_id = c.customer_id AND (l.packed & 15) IN (3, 4) AND l.packed > c.packed))
        """);

    /// <summary><c>nps_first_seen</c>: first seen before the cutoff, of a customer with no contact left.</summary>
    public static readonly Rule FirstSeen = new("nps_first_seen", "f",
        cutoff => $"f.first_seen_at < {cutoff} AND NOT EXISTS (SELECT 1 FROM nps_contacts AS c WHERE c.customer_id = f.customer_id)");

    /// <summary>
    /// The statement that removes up to <paramref name="limit"/> rows the rule matches before <paramref name="cutoff"/>,
    /// found by <paramref name="key"/> (the table's key columns, comma-separated: <c>rowid</c>, <c>customer_id, event_id</c>).
    /// </summary>
    public static string Delete(Rule rule, string key, string cutoff, string limit) =>
        $"DELETE FROM {rule.Table} WHERE ({key}) IN (SELECT {string.Join(", ", key.Split(", ").Select(k => rule.Alias + "." + k))} "
        + $"FROM {rule.Table} AS {rule.Alias} WHERE {rule.Condition(cutoff)}{rule.Order} LIMIT {limit})";

    /// <summary>What retention removes from one table.</summary>
    /// <param name="Table">The table.</param>
    /// <param name="Alias">The table's alias in <paramref name="Condition"/>.</param>
    /// <param name="Condition">The condition on a row, given how the cutoff is named.</param>
    /// <param name="Order">Which rows go first, when it matters (an <c>ORDER BY</c> clause with its leading space).</param>
    public sealed record Rule(string Table, string Alias, Func<string, string> Condition, string Order = "");
}

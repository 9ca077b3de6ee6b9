// Compiled into Nps.Sqlite and Nps.PostgreSql (linked source, internal in each).
namespace Nps.Stores;

/// <summary>
/// Which rows retention removes in both relational stores, one SQL condition a table, over the table's rows under the
/// alias each condition names, before a cutoff given as a parameter the store names (<c>$cutoff</c>, <c>$1</c>). How the
/// rows are found by key, batched, ordered and locked is each store's own.
/// </summary>
internal static class RetentionRules
{
    /// <summary><c>nps_responses</c> (alias <c>r</c>): answered before the cutoff.</summary>
    public static string Responses(string cutoff) => $"r.responded_at < {cutoff}";

    /// <summary><c>nps_follow_ups</c> (alias <c>u</c>): due before the cutoff.</summary>
    public static string FollowUps(string cutoff) => $"u.due_at < {cutoff}";

    /// <summary>
    /// <c>nps_invitations</c> (alias <c>i</c>): scheduled before the cutoff, except a sent invitation whose link still
    /// opens: it stays until the link expires.
    /// </summary>
    public static string Invitations(string cutoff) =>
        $"i.scheduled_at < {cutoff} AND NOT (i.status = 'sent' AND i.expires_at IS NOT NULL AND i.expires_at >= {cutoff})";

    /// <summary><c>nps_decisions</c> (alias <c>d</c>): decided before the cutoff.</summary>
    public static string Decisions(string cutoff) => $"d.decided_at < {cutoff}";

    /// <summary>
    /// <c>nps_contacts</c> (alias <c>c</c>): packed below <paramref name="packedBefore"/> (<see cref="RetentionBatch.PackedBefore"/>),
    /// except each customer's latest opt-out or opt-in (kinds 3 and 4 of <see cref="Fatigue.ContactKind"/>): consent does not expire.
    /// </summary>
    public static string Contacts(string packedBefore) => $"""
        c.packed < {packedBefore}
            AND NOT ((c.packed & 15) IN (3, 4) AND NOT EXISTS (SELECT 1 FROM nps_contacts AS l
                WHERE l.customer_id = c.customer_id AND (l.packed & 15) IN (3, 4) AND l.packed > c.packed))
        """;

    /// <summary><c>nps_first_seen</c> (alias <c>f</c>): first seen before the cutoff, of a customer with no contact left.</summary>
    public static string FirstSeen(string cutoff) =>
        $"f.first_seen_at < {cutoff} AND NOT EXISTS (SELECT 1 FROM nps_contacts AS c WHERE c.customer_id = f.customer_id)";
}

// Compiled into Nps.Sqlite and Nps.PostgreSql (linked source, internal in each).
namespace Nps.Stores;

/// <summary>
/// The tables of both relational stores that hold a customer's rows, in the order an erasure deletes them, each with
/// the column that names the customer. A table that comes to hold a customer's rows is added here, so both stores
/// erase it. Responses first: their triggers read nothing of the other tables, and a reader never sees a response
/// without its contact. Rows derived from a response (rollups, theme mentions) follow it through its delete triggers.
/// </summary>
internal static class CustomerTables
{
    private static readonly (string Table, string Customer)[] Tables =
    [
        ("nps_responses", "respondent_id"),
        ("nps_follow_ups", "customer_id"),
        ("nps_invitations", "customer_id"),
        ("nps_decisions", "customer_id"),
        ("nps_first_seen", "customer_id"),
        ("nps_contacts", "customer_id"),
    ];

    /// <summary>The statements that delete a customer's rows, in order, the customer given as <paramref name="parameter"/>.</summary>
    /// <param name="parameter">How the store names the statement's parameter (<c>$id</c>, <c>$1</c>).</param>
    public static IEnumerable<string> Deletes(string parameter) => Tables.Select(t => $"DELETE FROM {t.Table} WHERE {t.Customer} = {parameter}");
}

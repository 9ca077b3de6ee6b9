namespace Nps.PostgreSql;

/// <summary>The stores' JSON bodies (<see cref="Stores.StoreJson"/>, shared with the other relational store) under this package's name.</summary>
internal static class PostgreSqlJsonContext
{
    public static Stores.StoreJson Default => Stores.StoreJson.Default;
}

namespace Nps.Sqlite;

/// <summary>The stores' JSON bodies (<see cref="Stores.StoreJson"/>, shared with the other relational store) under this package's name.</summary>
internal static class SqliteJsonContext
{
    public static Stores.StoreJson Default => Stores.StoreJson.Default;
}

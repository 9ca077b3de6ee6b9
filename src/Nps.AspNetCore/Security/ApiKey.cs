namespace Nps.AspNetCore.Security;

/// <summary>
/// One accepted key: who holds it (logged and used for rate limiting, never the key itself) and its role. A class,
/// not a record, so that no generated <c>ToString</c> prints the key; <see cref="ApiKeyOptions"/> checks it.
/// </summary>
public sealed class ApiKey
{
    /// <summary>A name for the holder, e.g. <c>crm-survey</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>The secret sent in the <c>X-Api-Key</c> header.</summary>
    public string Key { get; init; } = "";

    /// <summary><c>survey</c>, <c>analyst</c> or <c>privacy</c>.</summary>
    public string Role { get; init; } = "";
}

namespace Nps.AspNetCore.Security;

/// <summary>The API keys the service accepts, bound from <c>Authentication:ApiKeys</c>.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The configuration section the keys are bound from.</summary>
    public const string Section = "Authentication";

    /// <summary>The accepted keys; outside Development at least one is required.</summary>
    public List<ApiKey> ApiKeys { get; set; } = [];
}

/// <summary>One accepted key: who holds it (logged and used for rate limiting, never the key itself) and its role.</summary>
public sealed class ApiKey
{
    /// <summary>A name for the holder, e.g. <c>crm-survey</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The secret sent in the <c>X-Api-Key</c> header.</summary>
    public string Key { get; set; } = "";

    /// <summary><c>survey</c>, <c>analyst</c> or <c>privacy</c>.</summary>
    public string Role { get; set; } = "";
}

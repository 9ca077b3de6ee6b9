using System.Globalization;
using System.Text;

namespace Nps.AspNetCore.Security;

/// <summary>
/// One accepted key: who holds it (logged and used for rate limiting, never the key itself) and its role;
/// <see cref="ApiKeyOptions"/> checks it. Its <c>ToString</c> leaves the key out.
/// </summary>
public sealed record ApiKey
{
    /// <summary>A name for the holder, e.g. <c>crm-survey</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>The secret sent in the <c>X-Api-Key</c> header.</summary>
    public string Key { get; init; } = "";

    /// <summary><c>survey</c>, <c>analyst</c> or <c>privacy</c>.</summary>
    public string Role { get; init; } = "";

    // The key stays out of logs and exception messages that print the options.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Name = {Name}, Key = {(Key.Length == 0 ? "" : "***")}, Role = {Role}");
        return true;
    }
}

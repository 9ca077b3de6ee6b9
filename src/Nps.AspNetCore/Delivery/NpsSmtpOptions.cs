namespace Nps.AspNetCore.Delivery;

/// <summary>The SMTP server the outbox sends through (configuration section <c>Nps:Delivery:Smtp</c>); delivery is off while <see cref="Host"/> is empty and no other sender is registered.</summary>
public sealed class NpsSmtpOptions
{
    /// <summary>The server's host name or address; empty turns the SMTP sender off.</summary>
    public string? Host { get; set; }

    /// <summary>The server's port; 587 by default.</summary>
    public int Port { get; set; } = 587;

    /// <summary>Whether to use TLS: implicit TLS on port 465, STARTTLS on any other port; <see langword="true"/> by default.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>The user name to authenticate with; none when empty.</summary>
    public string? UserName { get; set; }

    /// <summary>The password for <see cref="UserName"/>.</summary>
    public string? Password { get; set; }

    /// <summary>The sender's address, e.g. <c>Acme &lt;survey@acme.example&gt;</c>.</summary>
    public string? From { get; set; }
}

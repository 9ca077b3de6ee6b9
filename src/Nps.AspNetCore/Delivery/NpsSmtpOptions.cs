using System.Globalization;
using System.Text;
using MimeKit;

namespace Nps.AspNetCore.Delivery;

/// <summary>The SMTP server the outbox sends through (configuration section <c>Nps:Delivery:Smtp</c>); delivery is off while <see cref="Host"/> is empty and no other sender is registered.</summary>
public sealed record NpsSmtpOptions : IValidatableOptions
{
    /// <summary>The server's host name or address; empty turns the SMTP sender off.</summary>
    public string? Host { get; init; }

    /// <summary>The server's port; 587 by default.</summary>
    public int Port { get; init; } = 587;

    /// <summary>Whether to use TLS: implicit TLS on port 465, STARTTLS on any other port; <see langword="true"/> by default.</summary>
    public bool UseTls { get; init; } = true;

    /// <summary>The user name to authenticate with; none when empty.</summary>
    public string? UserName { get; init; }

    /// <summary>The password for <see cref="UserName"/>.</summary>
    public string? Password { get; init; }

    /// <summary>The sender's address, e.g. <c>Acme &lt;survey@acme.example&gt;</c>.</summary>
    public string? From { get; init; }

    /// <summary>Whether the SMTP sender is on: <see cref="Host"/> is set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>Checks the server's settings while <see cref="Host"/> is set (nothing while the sender is off).</summary>
    /// <param name="path">Where these options sit (<c>Nps:Delivery:Smtp</c> when bound by <c>AddNpsDelivery</c>).</param>
    /// <param name="errors">Receives the problems.</param>
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!IsConfigured) return;
        errors.Range(path.Then(nameof(Port)), Port, 1, 65535);
        if (string.IsNullOrWhiteSpace(From) || !MailboxAddress.TryParse(From, out _))
        {
            errors.Add(path.Then(nameof(From)), "must be the sender's e-mail address (e.g. \"Acme <survey@acme.example>\").", From ?? "");
        }

        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
        {
            var missing = string.IsNullOrEmpty(UserName) ? nameof(UserName) : nameof(Password);
            errors.Add(path.Then(missing), $"must be set with {(missing == nameof(UserName) ? nameof(Password) : nameof(UserName))}: UserName and Password go together.");
        }
    }

    // The password stays out of logs and exception messages that print the options.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture,
            $"Host = {Host}, Port = {Port}, UseTls = {UseTls}, UserName = {UserName}, Password = {(Password is null ? "" : "***")}, From = {From}");
        return true;
    }
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Nps.Sampling;
using Nps.Touchpoints;

namespace Nps.Delivery;

/// <summary>
/// An invitation as the store keeps it: created in the decision's transaction when a decision invites or defers,
/// then carried through the outbox (sent, reminded) to its answer. It holds everything a response through it takes
/// over — customer, dimensions, inclusion probability, manual flag — so nothing a respondent sends can change them,
/// and only the SHA-256 hash of its survey token (<see cref="SurveyTokens"/>), never the token or an address.
/// </summary>
public sealed record SurveyInvitation
{
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The invitation's id: derived from the customer and event (<see cref="IdFor"/>), URL-safe, 22 characters.</summary>
    public required string Id { get; init; }

    /// <summary>The customer.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The touchpoint event that was decided.</summary>
    public required string EventId { get; init; }

    /// <summary>Transactional or relational.</summary>
    public SurveyKind Kind { get; init; }

    /// <summary>The team of the touchpoint.</summary>
    public string? Team { get; init; }

    /// <summary>The agent of the touchpoint.</summary>
    public string? Agent { get; init; }

    /// <summary>The channel of the touchpoint.</summary>
    public string? Channel { get; init; }

    /// <summary>The product of the touchpoint.</summary>
    public string? Product { get; init; }

    /// <summary>The kind of touchpoint.</summary>
    public string? Touchpoint { get; init; }

    /// <summary>The touchpoint's free attributes.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = NoAttributes;

    /// <summary>The customer's IANA time zone from the event (reminders keep to quiet hours in it), or <see langword="null"/>.</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>The probability with which the event was selected (1 for a manual invitation).</summary>
    public double InclusionProbability { get; init; } = 1;

    /// <summary>Someone asked for this invitation by hand.</summary>
    public bool IsManual { get; init; }

    /// <summary>When the outbox may send it (the decision's send time, after quiet hours).</summary>
    public DateTimeOffset ScheduledAt { get; init; }

    /// <summary>When it was sent; <see langword="null"/> before.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>When its link stops taking answers; <see langword="null"/> before it is sent.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The stored status (<see cref="StatusAt"/> also tells a sent invitation past its expiry as expired).</summary>
    public InvitationStatus Status { get; init; }

    /// <summary>How many reminders were sent.</summary>
    public int Reminders { get; init; }

    /// <summary>Why sending failed, or why the invitation bounced; <see langword="null"/> otherwise.</summary>
    public string? FailureReason { get; init; }

    /// <summary>When the outbox should next act on it (send, retry or remind); <see langword="null"/> when nothing is due.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>How many times in a row sending failed transiently (for the back-off).</summary>
    public int Attempts { get; init; }

    /// <summary>The SHA-256 hash of its survey token (32 bytes); empty when the program made none.</summary>
    public ReadOnlyMemory<byte> TokenHash { get; init; }

    /// <summary>The status at a moment: a sent invitation past its expiry is <see cref="InvitationStatus.Expired"/>.</summary>
    /// <param name="now">The moment.</param>
    /// <returns>The status.</returns>
    public InvitationStatus StatusAt(DateTimeOffset now) =>
        Status == InvitationStatus.Sent && ExpiresAt is { } expires && expires <= now ? InvitationStatus.Expired : Status;

    /// <summary>The invitation id of a customer's event: the first 132 bits of SHA-256(customer, event), base64url.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="eventId">The event.</param>
    /// <returns>The id (22 URL-safe characters).</returns>
    /// <remarks>Derived rather than random, so a decision function that runs twice (a database retry) makes one id.</remarks>
    public static string IdFor(string customerId, string eventId)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var text = Encoding.UTF8.GetBytes(customerId + "\n" + eventId);
        return Base64Url.EncodeToString(SHA256.HashData(text).AsSpan(0, 17))[..22];
    }

    /// <summary>The invitation a decision to invite makes for an event.</summary>
    /// <param name="touchpoint">The event.</param>
    /// <param name="scheduledAt">When to send (the decision's send time).</param>
    /// <param name="inclusionProbability">The inclusion probability.</param>
    /// <param name="isManual">Whether it is a manual invitation.</param>
    /// <param name="tokenHash">The SHA-256 hash of its token (<see cref="SurveyTokens.HashFor"/>), or empty.</param>
    /// <returns>The scheduled invitation.</returns>
    public static SurveyInvitation Create(TouchpointEvent touchpoint, DateTimeOffset scheduledAt, double inclusionProbability, bool isManual,
        ReadOnlyMemory<byte> tokenHash)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        return new SurveyInvitation
        {
            Id = IdFor(touchpoint.CustomerId, touchpoint.EventId), CustomerId = touchpoint.CustomerId, EventId = touchpoint.EventId,
            Kind = touchpoint.Kind, Team = touchpoint.Team, Agent = touchpoint.Agent, Channel = touchpoint.Channel, Product = touchpoint.Product,
            Touchpoint = touchpoint.Touchpoint,
            Attributes = touchpoint.Attributes is { Count: > 0 } a ? new Dictionary<string, string>(a, StringComparer.Ordinal) : NoAttributes,
            TimeZoneId = touchpoint.TimeZoneId, InclusionProbability = inclusionProbability, IsManual = isManual,
            ScheduledAt = scheduledAt, DueAt = scheduledAt, Status = InvitationStatus.Scheduled, TokenHash = tokenHash,
        };
    }
}

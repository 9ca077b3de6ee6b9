using System.Diagnostics.CodeAnalysis;

namespace Nps.FollowUp;

/// <summary>
/// A follow-up of one response: who to contact, why, by when, who owns it, and where it stands. Immutable: a
/// transition returns a new value (<see cref="TryTransition"/>).
/// </summary>
/// <remarks>
/// Named <c>FollowUpCase</c>, not <c>FollowUp</c>: a type named like its namespace (<c>Nps.FollowUp</c>) cannot
/// be written by its simple name from any code in a namespace under <c>Nps</c>, where the name finds the namespace.
/// </remarks>
public sealed record FollowUpCase
{
    /// <summary>The id prefix: a follow-up's id is <c>fu-</c> followed by the response id (one follow-up per response).</summary>
    public const string IdPrefix = "fu-";

    /// <summary>The id, deterministic from the response id (<see cref="IdFor"/>).</summary>
    public required string Id { get; init; }

    /// <summary>The response followed up.</summary>
    public required string ResponseId { get; init; }

    /// <summary>The customer to contact.</summary>
    public required string CustomerId { get; init; }

    /// <summary>Why (the reason with the shortest SLA when several apply).</summary>
    public FollowUpReason Reason { get; init; }

    /// <summary>The response's rating.</summary>
    public NpsRating Rating { get; init; }

    /// <summary>The response's category (a detractor who asked for a callback is still a detractor in the metrics).</summary>
    public NpsCategory Category => Rating.Category;

    /// <summary>The customer's comment, for whoever calls.</summary>
    public string? Comment { get; init; }

    /// <summary>When the customer answered (the SLA clock starts here).</summary>
    public DateTimeOffset RespondedAt { get; init; }

    /// <summary>When the follow-up was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the first contact is due.</summary>
    public DateTimeOffset DueAt { get; init; }

    /// <summary>The owning team (the response's team).</summary>
    public string? OwnerTeam { get; init; }

    /// <summary>The owning agent (the response's agent).</summary>
    public string? OwnerAgent { get; init; }

    /// <summary>Where it stands.</summary>
    public FollowUpStatus Status { get; init; }

    /// <summary>When the customer was first contacted; null when not (yet), or when closed without contact.</summary>
    public DateTimeOffset? ContactedAt { get; init; }

    /// <summary>A note on the contact.</summary>
    public string? ContactNote { get; init; }

    /// <summary>When it was closed.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The outcome note given when closing.</summary>
    public string? Outcome { get; init; }

    /// <summary>The id of the follow-up of a response.</summary>
    /// <param name="responseId">The response id.</param>
    /// <returns><c>fu-</c> + the response id.</returns>
    public static string IdFor(string responseId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(responseId);
        return IdPrefix + responseId;
    }

    /// <summary>Whether the first contact is late: still open after the due time.</summary>
    /// <param name="asOf">The moment to judge at.</param>
    /// <returns>Whether it is overdue.</returns>
    public bool IsOverdue(DateTimeOffset asOf) => Status == FollowUpStatus.Open && asOf > DueAt;

    /// <summary>Whether a move from one status to another is allowed (Open → Contacted → Closed, Open → Closed).</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <returns>Whether the transition is allowed.</returns>
    public static bool IsAllowed(FollowUpStatus from, FollowUpStatus to) =>
        (from, to) is (FollowUpStatus.Open, FollowUpStatus.Contacted) or (FollowUpStatus.Open, FollowUpStatus.Closed) or (FollowUpStatus.Contacted, FollowUpStatus.Closed);

    /// <summary>Moves to another status, or says why not (the request comes from outside: a user, an API call).</summary>
    /// <param name="to">The new status.</param>
    /// <param name="at">When.</param>
    /// <param name="note">The contact note (to Contacted) or the outcome (to Closed).</param>
    /// <param name="next">The follow-up after the transition.</param>
    /// <param name="error">Why the transition is not allowed: its field <c>status</c>, its value the refused status.</param>
    /// <returns>Whether the transition is allowed.</returns>
    public bool TryTransition(FollowUpStatus to, DateTimeOffset at, string? note, [NotNullWhen(true)] out FollowUpCase? next, [NotNullWhen(false)] out DataError? error)
    {
        next = null;
        if (!Enum.IsDefined(to))
        {
            error = StatusError($"Follow-up {Id}: '{to}' is not a follow-up status.", to);
            return false;
        }

        if (to == Status)
        {
            error = StatusError($"Follow-up {Id} is already {Status}.", to);
            return false;
        }

        if (!IsAllowed(Status, to))
        {
            error = StatusError($"Follow-up {Id} is {Status} and cannot become {to}: allowed are Open → Contacted → Closed and Open → Closed.", to);
            return false;
        }

        error = null;
        next = to == FollowUpStatus.Contacted
            ? this with { Status = to, ContactedAt = at, ContactNote = note }
            : this with { Status = to, ClosedAt = at, Outcome = note };
        return true;
    }

    // The field is the request's: a status change names only the status.
    private static DataError StatusError(string reason, FollowUpStatus to) =>
        new(0, "status", reason, to.ToString());
}

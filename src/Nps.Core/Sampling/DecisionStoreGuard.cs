using Nps.Fatigue;

namespace Nps.Sampling;

/// <summary>
/// The checks every <see cref="IDecisionStore"/> makes on a decision function's commit before applying it
/// (programmer errors, so they throw): the decision is for the request's event, an invitation is an invitation,
/// and the quota is counted only when the request names one.
/// </summary>
public static class DecisionStoreGuard
{
    /// <summary>Checks a commit against its request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="commit">The decision function's commit.</param>
    /// <exception cref="InvalidOperationException">The commit does not fit the request.</exception>
    public static void Check(DecisionRequest request, DecisionCommit commit)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(commit);
        if (!string.Equals(commit.Decision.CustomerId, request.CustomerId, StringComparison.Ordinal) ||
            !string.Equals(commit.Decision.EventId, request.EventId, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The decision is not for the requested customer and event.");
        }

        if (commit.Invitation is { } invitation && invitation.Record.Kind != ContactKind.Invitation)
        {
            throw new InvalidOperationException($"A decision records an invitation, not a {invitation.Record.Kind} contact.");
        }

        if (commit.Delivery is { } delivery && (commit.Invitation is null ||
            !string.Equals(delivery.CustomerId, request.CustomerId, StringComparison.Ordinal) || !string.Equals(delivery.EventId, request.EventId, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("A decision puts an invitation in the outbox only with its ledger invitation, for the requested customer and event.");
        }

        if (commit.CountsQuota && request.Quota is null) throw new InvalidOperationException("The decision counts a quota the request does not name.");
    }
}

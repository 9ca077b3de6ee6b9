namespace Nps.Sampling;

/// <summary>One sampling policy's quota in one period: at most <see cref="MaxInvitations"/> invitations.</summary>
/// <param name="Policy">The sampling policy's name.</param>
/// <param name="PeriodStart">The start of the quota period (periods are counted from the sampling epoch).</param>
/// <param name="MaxInvitations">The most invitations in the period (&gt; 0).</param>
public sealed record QuotaKey(string Policy, DateTimeOffset PeriodStart, int MaxInvitations);

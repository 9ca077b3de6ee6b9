using System.Globalization;

namespace Nps.Delivery;

/// <summary>How the outbox sends: batch, claim lease, retries, token lifetime and reminders (configuration section <c>Nps:Delivery</c>).</summary>
public sealed record DeliveryOptions
{
    /// <summary>How long a survey link takes answers after sending; 14 days by default.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromDays(14);

    /// <summary>The most reminders per invitation; 1 by default (0 sends none).</summary>
    public int Reminders { get; init; } = 1;

    /// <summary>How long after the invitation (and after each reminder) a reminder is due; 3 days by default.</summary>
    public TimeSpan ReminderAfter { get; init; } = TimeSpan.FromDays(3);

    /// <summary>The most invitations one dispatcher pass claims; 100 by default.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>How long a claim holds before another instance may take the work over; 5 minutes by default.</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Transient failures in a row before an invitation is marked failed; 8 by default.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>The first retry's delay, doubled for each further attempt (capped at 6 hours); 1 minute by default.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Checks the options.</summary>
    /// <returns>The errors, each naming its option as <see cref="DataError.Field"/> with the refused value; empty when valid.</returns>
    public IReadOnlyList<DataError> Validate()
    {
        var errors = new List<DataError>();
        Positive(TokenLifetime, nameof(TokenLifetime), errors);
        if (Reminders is < 0 or > 10) errors.Add(Invalid(nameof(Reminders), "must be between 0 and 10; got {0}.", Reminders));
        Positive(ReminderAfter, nameof(ReminderAfter), errors);
        if (BatchSize is < 1 or > 10_000) errors.Add(Invalid(nameof(BatchSize), "must be between 1 and 10000; got {0}.", BatchSize));
        Positive(ClaimLease, nameof(ClaimLease), errors);
        if (MaxAttempts < 1) errors.Add(Invalid(nameof(MaxAttempts), "must be at least 1.", MaxAttempts));
        Positive(RetryDelay, nameof(RetryDelay), errors);
        return errors;
    }

    private static void Positive(TimeSpan value, string option, List<DataError> errors)
    {
        if (value <= TimeSpan.Zero) errors.Add(new(0, option, "must be positive.", value.ToString("c", CultureInfo.InvariantCulture)));
    }

    private static DataError Invalid(string option, string reason, int value)
    {
        var shown = value.ToString(CultureInfo.InvariantCulture);
        return new(0, option, reason.Replace("{0}", shown, StringComparison.Ordinal), shown);
    }
}

namespace Nps.Delivery;

/// <summary>How the outbox sends: batch, claim lease, retries, token lifetime and reminders (configuration section <c>Nps:Delivery</c>).</summary>
public sealed record DeliveryOptions : IValidatableOptions
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

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Positive(path.Then(nameof(TokenLifetime)), TokenLifetime);
        errors.Range(path.Then(nameof(Reminders)), Reminders, 0, 10);
        errors.Positive(path.Then(nameof(ReminderAfter)), ReminderAfter);
        errors.Range(path.Then(nameof(BatchSize)), BatchSize, 1, 10_000);
        errors.Positive(path.Then(nameof(ClaimLease)), ClaimLease);
        errors.AtLeast(path.Then(nameof(MaxAttempts)), MaxAttempts, 1);
        errors.Positive(path.Then(nameof(RetryDelay)), RetryDelay);
    }
}

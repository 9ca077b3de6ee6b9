using Nps.Delivery;

namespace Nps.AspNetCore.Delivery;

/// <summary>
/// The outbox of the hosting package (configuration section <c>Nps:Delivery</c>): how often it polls, where the survey
/// links point, the SMTP server, and the library's <see cref="DeliveryOptions"/>. Checks itself
/// (<see cref="IValidatableOptions"/>); the links' base address and the organisation's name are required only when
/// something sends (an SMTP host here, or a sender the embedder registered, which <c>AddNpsDelivery</c> checks for).
/// </summary>
public sealed record NpsDeliveryOptions : IValidatableOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Nps:Delivery";

    /// <summary>How long the outbox waits between passes that found less than a full batch; 5 seconds by default.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The absolute base address of the response pages, e.g. <c>https://survey.example.com/</c> (the links are <c>{BaseUrl}s/{token}</c>).</summary>
    public string? BaseUrl { get; init; }

    /// <summary>The organisation's name, as the question names it.</summary>
    public string? OrganisationName { get; init; }

    /// <summary>The domain part of each <c>Message-ID</c>; the base address's host when empty.</summary>
    public string? MessageIdDomain { get; init; }

    /// <summary>How long the outbox may stay behind (failing, full batches, nothing sent while work waits) before <c>/healthz/ready</c> reports it stuck; 15 minutes by default.</summary>
    public TimeSpan StuckAfter { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>See <see cref="DeliveryOptions.TokenLifetime"/>.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromDays(14);

    /// <summary>See <see cref="DeliveryOptions.Reminders"/>.</summary>
    public int Reminders { get; init; } = 1;

    /// <summary>See <see cref="DeliveryOptions.ReminderAfter"/>.</summary>
    public TimeSpan ReminderAfter { get; init; } = TimeSpan.FromDays(3);

    /// <summary>See <see cref="DeliveryOptions.BatchSize"/>.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>See <see cref="DeliveryOptions.ClaimLease"/>.</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>See <see cref="DeliveryOptions.MaxAttempts"/>.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>See <see cref="DeliveryOptions.RetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The SMTP server.</summary>
    public NpsSmtpOptions Smtp { get; init; } = new();

    /// <summary>The library's options from these.</summary>
    /// <returns>The delivery options.</returns>
    public DeliveryOptions ToDeliveryOptions() => new()
    {
        TokenLifetime = TokenLifetime, Reminders = Reminders, ReminderAfter = ReminderAfter, BatchSize = BatchSize, ClaimLease = ClaimLease,
        MaxAttempts = MaxAttempts, RetryDelay = RetryDelay,
    };

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors) => Validate(path, errors, sends: Smtp?.IsConfigured == true);

    /// <summary>The one check, with whether something sends (then the links' base address and the organisation's name are required).</summary>
    internal void Validate(OptionsPath path, ICollection<DataError> errors, bool sends)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Positive(path.Then(nameof(PollInterval)), PollInterval);
        errors.Positive(path.Then(nameof(StuckAfter)), StuckAfter);
        ToDeliveryOptions().Validate(path, errors);
        errors.Nested(path.Then(nameof(Smtp)), Smtp);
        if (!sends) return;
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
        {
            errors.Add(path.Then(nameof(BaseUrl)), "must be the absolute http(s) address the survey links point to (e.g. https://survey.example.com/).", BaseUrl ?? "");
        }
        else
        {
            ToMessageOptions().Validate(path, errors);
        }
    }

    /// <summary>The renderer's options from these (validate first: the base address must be absolute).</summary>
    /// <returns>The message options.</returns>
    public InvitationMessageOptions ToMessageOptions() => new()
    {
        BaseUrl = new Uri(BaseUrl!, UriKind.Absolute), OrganisationName = OrganisationName ?? "",
        MessageIdDomain = string.IsNullOrWhiteSpace(MessageIdDomain) ? null : MessageIdDomain,
    };
}

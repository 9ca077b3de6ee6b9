using Microsoft.Extensions.Options;
using Nps.Delivery;
using Nps.Fatigue;
using Nps.Sampling;

namespace Nps.AspNetCore.Delivery;

/// <summary>
/// Runs the <see cref="OutboxDispatcher"/> every <see cref="NpsDeliveryOptions.PollInterval"/>, at once again when a pass
/// claimed a full batch. Safe on any number of instances over one store: each pass claims its own invitations
/// (<see cref="IInvitationStore.ClaimDueAsync"/>). Sends through the registered <see cref="IInvitationSender"/>, else
/// through <see cref="SmtpInvitationSender"/> when <c>Nps:Delivery:Smtp:Host</c> is set, else does nothing.
/// </summary>
internal sealed partial class NpsOutboxService(
    IServiceProvider services, IOptions<NpsDeliveryOptions> options, NpsOutboxState state, TimeProvider timeProvider, ILogger<NpsOutboxService> logger)
    : BackgroundService
{
    private OutboxDispatcher? _dispatcher;
    private SmtpInvitationSender? _smtp;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var delivery = options.Value;
        IInvitationSender? sender = services.GetService<IInvitationSender>();
        if (sender is null && !string.IsNullOrWhiteSpace(delivery.Smtp.Host)) sender = _smtp = new SmtpInvitationSender(delivery.Smtp, timeProvider);
        if (sender is null)
        {
            LogOff(logger);
            return;
        }

        var directory = services.GetService<IRecipientDirectory>() ?? throw new InvalidOperationException(
            "Delivery is on (Nps:Delivery:Smtp:Host is set, or an IInvitationSender is registered) but no IRecipientDirectory is registered: " +
            "register the directory that gives each customer's e-mail address, e.g. services.AddSingleton<IRecipientDirectory, MyDirectory>().");
        var nps = services.GetRequiredService<IOptions<NpsOptions>>().Value;
        _dispatcher = new OutboxDispatcher(
            services.GetRequiredService<IInvitationStore>(), services.GetRequiredService<IContactLedger>(), directory, sender,
            new InvitationMessageRenderer(delivery.ToMessageOptions()), services.GetRequiredService<SurveyProgram>().Tokens,
            delivery.ToDeliveryOptions(), nps.Fatigue.QuietHours, nps.DefaultTimeZone, timeProvider);
        state.Started(timeProvider.GetUtcNow());
        LogOn(logger, _smtp is null ? sender.GetType().Name : $"SMTP {delivery.Smtp.Host}:{delivery.Smtp.Port}", delivery.PollInterval);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        state.Stopped();
        await base.StopAsync(cancellationToken);
        if (_smtp is not null) await _smtp.DisposeAsync();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delivery = options.Value;
        var dispatcher = _dispatcher!;
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                var pass = await dispatcher.RunOnceAsync(stoppingToken);
                state.Passed(timeProvider.GetUtcNow(), pass, delivery.BatchSize);
                full = pass.Claimed >= delivery.BatchSize;
                if (pass.Claimed > 0) LogPass(logger, pass.Claimed, pass.Sent, pass.Deferred, pass.Failed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The store may be briefly unreachable; the claims lapse and the next pass takes them again.
                state.Faulted(timeProvider.GetUtcNow(), e);
                LogFailed(logger, e);
            }
            finally
            {
                if (_smtp is not null) await _smtp.EndPassAsync(); // one connection per pass
            }

            if (full) continue; // more is waiting: no pause
            try
            {
                await Task.Delay(delivery.PollInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery is off: no IInvitationSender is registered and Nps:Delivery:Smtp:Host is not set.")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The outbox sends through {Sender}, polling every {PollInterval}.")]
    private static partial void LogOn(ILogger logger, string sender, TimeSpan pollInterval);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox pass: {Claimed} claimed, {Sent} sent, {Deferred} deferred, {Failed} failed.")]
    private static partial void LogPass(ILogger logger, int claimed, int sent, int deferred, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox pass failed; its claims are taken again after their lease.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

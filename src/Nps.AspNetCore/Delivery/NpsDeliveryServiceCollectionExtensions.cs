using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nps.Delivery;

namespace Nps.AspNetCore.Delivery;

/// <summary><c>services.AddNpsDelivery(configuration)</c>: the outbox as a hosted service, its SMTP sender and its health check.</summary>
public static class NpsDeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Adds the outbox service (polls <see cref="OutboxDispatcher.RunOnceAsync"/>, safe on several instances), the
    /// <see cref="NpsDeliveryOptions"/> bound from <c>Nps:Delivery</c> and validated at start, and a readiness check
    /// that reports the outbox stuck. It sends through a registered <see cref="IInvitationSender"/>, else through
    /// <see cref="SmtpInvitationSender"/> when <c>Nps:Delivery:Smtp:Host</c> is set, else not at all. When it sends it
    /// needs an <see cref="IRecipientDirectory"/>, which the embedder registers. Adds once however often it is called.
    /// </summary>
    /// <param name="services">The services (with <c>AddNps</c>).</param>
    /// <param name="configuration">The configuration root (its section <c>Nps:Delivery</c> is read).</param>
    /// <returns>The services.</returns>
    [RequiresUnreferencedCode(NpsOptionsBuilderExtensions.BindingIsReflection)]
    [RequiresDynamicCode(NpsOptionsBuilderExtensions.BindingIsReflection)]
    public static IServiceCollection AddNpsDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(NpsOutboxState))) return services;
        services.AddOptions<NpsDeliveryOptions>().BindNpsOptions(configuration.GetSection(NpsDeliveryOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NpsDeliveryOptions>>(provider => new NpsDeliveryOptionsValidator(provider.GetService<IInvitationSender>() is not null));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<NpsOutboxState>();
        services.AddHostedService<NpsOutboxService>();
        services.AddHealthChecks().AddCheck<NpsOutboxHealthCheck>(NpsOutboxHealthCheck.Name, tags: [NpsHealthChecks.ReadyTag]);
        return services;
    }
}

using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nps.Customers;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;
using Nps.Sampling;
using Nps.InMemory;

namespace Nps;

/// <summary>
/// Registers Nps.Core services in an <see cref="IServiceCollection"/>: <see cref="SurveyProgram"/>,
/// the stores (<see cref="IContactLedger"/>, <see cref="IDecisionStore"/>, <see cref="IResponseStore"/>,
/// <see cref="IFollowUpStore"/>, <see cref="Delivery.IInvitationStore"/>: in memory unless a store package registered them), <see cref="ResponseIntake"/>
/// (binding responses to their invitations), <see cref="CustomerRecords"/>,
/// <see cref="FollowUpService"/>, the default <see cref="Segmentation.NpsReportOptions"/>
/// and <see cref="Insights.CoachingSignalOptions"/> for report builders and signal detectors, the
/// <see cref="Insights.ThemeTaxonomy"/>, and <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is registered.
/// </summary>
/// <remarks>
/// Services are registered once however often <c>AddNps</c> is called (<c>TryAdd*</c>), so a service registered
/// before — a database-backed <see cref="IContactLedger"/>, a fake <see cref="TimeProvider"/> — wins. Each call adds
/// to <see cref="NpsOptions"/>, an immutable record: every bound section first, then every change in code, each in
/// call order (<see cref="NpsOptionsBuilderExtensions"/>). The options are validated when the host starts: a bad value
/// stops the start with a message naming the option path.
/// </remarks>
public static class NpsServiceCollectionExtensions
{
    /// <summary>Registers the survey program and its services, with options bound from a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <see cref="NpsOptions"/>, e.g. <c>builder.Configuration.GetSection("Nps")</c>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    [RequiresUnreferencedCode(NpsOptionsBuilderExtensions.BindingIsReflection)]
    [RequiresDynamicCode(NpsOptionsBuilderExtensions.BindingIsReflection)]
    public static IServiceCollection AddNps(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        AddCore(services, configuration is IConfigurationSection section ? new OptionsPath(section.Path) : OptionsPath.Root).BindNpsOptions(configuration);
        return services;
    }

    /// <summary>Registers the survey program and its services, with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Returns the options from the ones built so far, e.g. <c>o =&gt; o with { SamplingKey = key }</c>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddNps(this IServiceCollection services, Func<NpsOptions, NpsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(services, OptionsPath.Root).ConfigureNpsOptions(configure);
        return services;
    }

    private static OptionsBuilder<NpsOptions> AddCore(IServiceCollection services, OptionsPath path)
    {
        // The validator is added once per options name, so a second call adds nothing but its configuration.
        var options = services.AddOptions<NpsOptions>().ValidateNpsOptions(path);
        services.TryAddSingleton(TimeProvider.System);
        AddStores(services);
        services.TryAddSingleton(provider => new FollowUpService(
            provider.GetRequiredService<IFollowUpStore>(),
            provider.GetRequiredService<IOptions<NpsOptions>>().Value.FollowUps.ToPolicy(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IContactLedger>()));

        // Reports are built per request (dimensions and period vary); these are the defaults they start from.
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<NpsOptions>>().Value.Reporting.ToReportOptions());
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<NpsOptions>>().Value.Reporting.ToCoachingSignalOptions());
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<NpsOptions>>().Value.ToThemeTaxonomy());
        services.TryAddSingleton(provider => new ResponseIntake(
            provider.GetRequiredService<IResponseStore>(),
            provider.GetRequiredService<IContactLedger>(),
            provider.GetRequiredService<IOptions<NpsOptions>>().Value.FollowUps.ToPolicy(),
            provider.GetRequiredService<TimeProvider>(),
            invitations: provider.GetService<Delivery.IInvitationStore>(),
            erasure: provider.GetService<Privacy.CustomerErasure>()));

        // Erasure where the stores can erase (in memory, or a store package registered before AddNps).
        if (services.Any(d => d.ServiceType == typeof(Privacy.ICustomerEraser)))
        {
            services.TryAddSingleton(provider => new Privacy.CustomerErasure(provider.GetRequiredService<Privacy.ICustomerEraser>(),
                provider.GetRequiredService<SurveyProgram>().Tombstones, provider.GetRequiredService<TimeProvider>()));
        }

        services.TryAddSingleton(provider => new CustomerRecords(
            provider.GetRequiredService<SurveyProgram>(),
            provider.GetRequiredService<IContactLedger>(),
            provider.GetRequiredService<IResponseStore>(),
            provider.GetRequiredService<IFollowUpStore>()));
        services.TryAddSingleton(provider =>
        {
            var programOptions = provider.GetRequiredService<IOptions<NpsOptions>>().Value.ToSurveyProgramOptions();
            var clock = provider.GetRequiredService<TimeProvider>();
            var eraser = provider.GetService<Privacy.ICustomerEraser>(); // erased customers' old events are refused
            return provider.GetService<IDecisionStore>() is { } store
                ? new SurveyProgram(programOptions, store, clock, eraser)
                : new SurveyProgram(programOptions, provider.GetRequiredService<IContactLedger>(), clock, eraser);
        });
        return options;
    }

    private static void AddStores(IServiceCollection services)
    {
        // With no store registered, every store is in memory and shares one ledger, so a decision and a response
        // are each one step. A registered store package (e.g. AddNpsSqlite) registers all four before AddNps.
        if (!services.Any(d => d.ServiceType == typeof(IContactLedger) || d.ServiceType == typeof(IFollowUpStore) ||
                               d.ServiceType == typeof(IDecisionStore) || d.ServiceType == typeof(IResponseStore)))
        {
            services.AddSingleton(provider => new InMemoryContactLedger(provider.GetRequiredService<TimeProvider>()));
            services.AddSingleton<InMemoryFollowUpStore>();
            services.AddSingleton<IContactLedger>(provider => provider.GetRequiredService<InMemoryContactLedger>());
            services.AddSingleton<IFollowUpStore>(provider => provider.GetRequiredService<InMemoryFollowUpStore>());
            services.AddSingleton(provider => new InMemoryDecisionStore(provider.GetRequiredService<InMemoryContactLedger>()));
            services.AddSingleton<IDecisionStore>(provider => provider.GetRequiredService<InMemoryDecisionStore>());
            services.AddSingleton<Delivery.IInvitationStore>(provider => provider.GetRequiredService<InMemoryDecisionStore>().Invitations);
            services.AddSingleton(provider => new InMemoryResponseStore(
                provider.GetRequiredService<InMemoryContactLedger>(), provider.GetRequiredService<InMemoryFollowUpStore>(),
                provider.GetRequiredService<InMemoryDecisionStore>().Invitations));
            services.AddSingleton<IResponseStore>(provider => provider.GetRequiredService<InMemoryResponseStore>());
            services.AddSingleton<Privacy.ICustomerEraser>(provider => new InMemory.InMemoryCustomerEraser(
                provider.GetRequiredService<InMemoryContactLedger>(), provider.GetRequiredService<InMemoryDecisionStore>(),
                provider.GetRequiredService<InMemoryResponseStore>(), provider.GetRequiredService<InMemoryFollowUpStore>()));
            services.AddSingleton<Privacy.IRetentionStore>(provider => new InMemory.InMemoryRetentionStore(
                provider.GetRequiredService<InMemoryContactLedger>(), provider.GetRequiredService<InMemoryDecisionStore>(),
                provider.GetRequiredService<InMemoryResponseStore>(), provider.GetRequiredService<InMemoryFollowUpStore>()));
            // Views count and read slices in the store itself, as they do over a database.
            services.TryAddSingleton<Segmentation.INpsCountSource>(provider => provider.GetRequiredService<InMemoryResponseStore>());
            return;
        }

        // Only some registered: fill the ledger and follow-ups in memory; decisions then go through the ledger alone.
        services.TryAddSingleton<IContactLedger>(provider => new InMemoryContactLedger(provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IFollowUpStore, InMemoryFollowUpStore>();
    }
}

using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Nps;

/// <summary>
/// The options pattern for immutable options records: configuration bound over the defaults, then changes made in code
/// (<c>o =&gt; o with { … }</c>), then validation through the options' own <see cref="IValidatableOptions"/> at start-up.
/// </summary>
/// <remarks>
/// The options pattern configures an instance in place (<c>Configure(Action&lt;T&gt;)</c>), which an <c>init</c>
/// property refuses. These methods register steps that each return the next value instead; an options factory for
/// the type runs them when the options are first read: every bound section, in the order registered, then every
/// change in code, in the order registered. Binding uses the reflection binder, because in .NET 10 the
/// configuration-binding source generator skips <c>init</c> properties; so the binding methods are not trimming- or
/// AOT-safe, and say so. Options built in code (<see cref="ConfigureNpsOptions{TOptions}"/>) are.
/// </remarks>
public static class NpsOptionsBuilderExtensions
{
    /// <summary>Why the binding methods are not trimming- or AOT-safe: the message of their <see cref="RequiresUnreferencedCodeAttribute"/>, for wrappers that bind too.</summary>
    public const string BindingIsReflection =
        "Binds options from configuration with the reflection binder (the .NET 10 source generator skips init properties); the options types' members must be kept.";

    /// <summary>
    /// Validates these options at start-up with <see cref="NpsOptionsValidator{TOptions}"/>: the host refuses to
    /// start with every problem listed, each naming its configuration path. Calling it again for the same options
    /// name adds nothing.
    /// </summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <param name="builder">The options builder.</param>
    /// <param name="path">The configuration section the options are bound from (e.g. <c>Nps:Web</c>); the root when omitted.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static OptionsBuilder<TOptions> ValidateNpsOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(this OptionsBuilder<TOptions> builder, OptionsPath path = default)
        where TOptions : class, IValidatableOptions
    {
        ArgumentNullException.ThrowIfNull(builder);
        var registered = builder.Services.Any(d => d.ServiceType == typeof(IValidateOptions<TOptions>)
            && d.ImplementationInstance is NpsOptionsValidator<TOptions> validator
            && string.Equals(validator.OptionsName, builder.Name, StringComparison.Ordinal));
        if (!registered) builder.Services.AddSingleton<IValidateOptions<TOptions>>(new NpsOptionsValidator<TOptions>(builder.Name, path));
        return builder.ValidateOnStart();
    }

    /// <summary>
    /// Binds <paramref name="configuration"/> over these options: each key present replaces the value built so far, nested
    /// options and lists included, through their <c>init</c> properties. Sections bound this way are applied before every
    /// <see cref="ConfigureNpsOptions{TOptions}"/> change, each in the order registered. When the configuration reloads,
    /// <see cref="IOptionsMonitor{TOptions}"/> builds the options again.
    /// </summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <param name="builder">The options builder.</param>
    /// <param name="configuration">The section holding the options, e.g. <c>builder.Configuration.GetSection("Nps")</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    [RequiresUnreferencedCode(BindingIsReflection)]
    [RequiresDynamicCode(BindingIsReflection)]
    public static OptionsBuilder<TOptions> BindNpsOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TOptions>(this OptionsBuilder<TOptions> builder, IConfiguration configuration)
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        return BindSection(builder, _ => configuration);
    }

    /// <summary>
    /// Binds the section at <paramref name="sectionPath"/> of the host's <see cref="IConfiguration"/> over these options,
    /// as <see cref="BindNpsOptions{TOptions}(OptionsBuilder{TOptions}, IConfiguration)"/> does.
    /// </summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <param name="builder">The options builder.</param>
    /// <param name="sectionPath">The section's path, e.g. <c>Nps:Web</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    [RequiresUnreferencedCode(BindingIsReflection)]
    [RequiresDynamicCode(BindingIsReflection)]
    public static OptionsBuilder<TOptions> BindNpsOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TOptions>(this OptionsBuilder<TOptions> builder, string sectionPath)
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(sectionPath);
        return BindSection(builder, provider => provider.GetRequiredService<IConfiguration>().GetSection(sectionPath));
    }

    /// <summary>
    /// Changes these options in code: <paramref name="configure"/> gets the options built so far and returns the next
    /// ones, usually <c>o =&gt; o with { … }</c>. Changes run after every bound section, in the order registered.
    /// </summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <param name="builder">The options builder.</param>
    /// <param name="configure">Returns the changed options; never <see langword="null"/>.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static OptionsBuilder<TOptions> ConfigureNpsOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(this OptionsBuilder<TOptions> builder, Func<TOptions, TOptions> configure)
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        return AddStep(builder, new NpsOptionsStep<TOptions>(builder.Name, IsBinding: false, (_, value) =>
            configure(value) ?? throw new InvalidOperationException($"The change to {typeof(TOptions).Name} returned null; return the options, e.g. o => o with {{ … }}.")));
    }

    /// <summary>
    /// The options <paramref name="configuration"/> describes: the defaults of <typeparamref name="TOptions"/> with the
    /// section's keys bound over them (<c>init</c> properties included), unvalidated.
    /// </summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <param name="configuration">The section.</param>
    /// <returns>The options.</returns>
    [RequiresUnreferencedCode(BindingIsReflection)]
    [RequiresDynamicCode(BindingIsReflection)]
    public static TOptions GetNpsOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TOptions>(this IConfiguration configuration)
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return BindOver(configuration, new TOptions());
    }

    // A binding step, and the section's reload token, so that IOptionsMonitor rebuilds the options when it changes.
    [RequiresUnreferencedCode(BindingIsReflection)]
    [RequiresDynamicCode(BindingIsReflection)]
    private static OptionsBuilder<TOptions> BindSection<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TOptions>(OptionsBuilder<TOptions> builder, Func<IServiceProvider, IConfiguration> section)
        where TOptions : class, new()
    {
        var name = builder.Name;
        builder.Services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(provider => new ConfigurationChangeTokenSource<TOptions>(name, section(provider)));
        return AddStep(builder, new NpsOptionsStep<TOptions>(name, IsBinding: true, (provider, value) => BindOver(section(provider), value)));
    }

    [RequiresUnreferencedCode(BindingIsReflection)]
    [RequiresDynamicCode(BindingIsReflection)]
    private static TOptions BindOver<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TOptions>(IConfiguration configuration, TOptions value)
        where TOptions : class
    {
        // Bindings run first, on the instance the factory has just built, so no published options are ever written to.
        configuration.Bind(value);
        return value;
    }

    private static OptionsBuilder<TOptions> AddStep<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(OptionsBuilder<TOptions> builder, NpsOptionsStep<TOptions> step)
        where TOptions : class, new()
    {
        builder.Services.AddSingleton(step);
        builder.Services.TryAddTransient<IOptionsFactory<TOptions>, NpsOptionsFactory<TOptions>>();
        return builder;
    }
}

/// <summary>One step that builds immutable options: a bound section or a change in code, for one options name.</summary>
internal sealed record NpsOptionsStep<TOptions>(string? Name, bool IsBinding, Func<IServiceProvider, TOptions, TOptions> Apply)
    where TOptions : class;

/// <summary>
/// The options factory for immutable options: starts from <c>new TOptions()</c>, applies the bound sections and then the
/// changes in code (<see cref="NpsOptionsStep{TOptions}"/>), then what the options pattern adds (configure and
/// post-configure actions, validation).
/// </summary>
internal sealed class NpsOptionsFactory<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
    IServiceProvider provider,
    IEnumerable<NpsOptionsStep<TOptions>> steps,
    IEnumerable<IConfigureOptions<TOptions>> setups,
    IEnumerable<IPostConfigureOptions<TOptions>> postConfigures,
    IEnumerable<IValidateOptions<TOptions>> validations)
    : OptionsFactory<TOptions>(setups, postConfigures, validations)
    where TOptions : class, new()
{
    private readonly NpsOptionsStep<TOptions>[] _steps = [.. steps];

    protected override TOptions CreateInstance(string name)
    {
        var value = base.CreateInstance(name);
        foreach (var step in _steps.Where(s => s.IsBinding && Applies(s, name))) value = step.Apply(provider, value);
        foreach (var step in _steps.Where(s => !s.IsBinding && Applies(s, name))) value = step.Apply(provider, value);
        return value;
    }

    private static bool Applies(NpsOptionsStep<TOptions> step, string name) => step.Name is null || string.Equals(step.Name, name, StringComparison.Ordinal);
}

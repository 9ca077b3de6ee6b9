using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Nps;

/// <summary>Validation of bound options through their own <see cref="IValidatableOptions"/>, at start-up.</summary>
public static class NpsOptionsBuilderExtensions
{
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
}

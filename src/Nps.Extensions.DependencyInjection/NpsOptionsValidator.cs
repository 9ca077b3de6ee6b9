using Microsoft.Extensions.Options;

namespace Nps;

/// <summary>
/// The one <see cref="IValidateOptions{TOptions}"/> of the Nps packages: runs the options' own
/// <see cref="IValidatableOptions.Validate"/>, so options bound from configuration fail with the same errors, naming
/// the same configuration paths, as options built in code and handed to a constructor.
/// </summary>
/// <typeparam name="TOptions">The options type.</typeparam>
/// <param name="optionsName">The named options this validates (<see langword="null"/>: every name).</param>
/// <param name="path">Where the options sit in configuration (e.g. <c>Nps</c>); prefixes every error's field.</param>
public sealed class NpsOptionsValidator<TOptions>(string? optionsName, OptionsPath path) : IValidateOptions<TOptions>
    where TOptions : class, IValidatableOptions
{
    /// <summary>The named options this validates (<see langword="null"/>: every name).</summary>
    public string? OptionsName { get; } = optionsName;

    /// <summary>The configuration path errors are reported under.</summary>
    public OptionsPath Path { get; } = path;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (OptionsName is not null && !string.Equals(OptionsName, name, StringComparison.Ordinal)) return ValidateOptionsResult.Skip;
        var errors = options.Errors(Path);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => e.Message));
    }
}

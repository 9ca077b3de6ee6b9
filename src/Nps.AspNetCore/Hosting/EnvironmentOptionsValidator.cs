using Microsoft.Extensions.Options;

namespace Nps.AspNetCore.Hosting;

/// <summary>
/// For options whose check needs more than the options (the host's environment, another registration): the
/// subclass runs the options' own <see cref="IValidatableOptions"/> check first and adds what only the host can tell,
/// as <see cref="DataError"/>s at configuration paths too, so every message has the one shape.
/// </summary>
/// <typeparam name="TOptions">The options type.</typeparam>
/// <param name="path">The configuration section the options are bound from.</param>
internal abstract class EnvironmentOptionsValidator<TOptions>(OptionsPath path) : IValidateOptions<TOptions>
    where TOptions : class, IValidatableOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<DataError>();
        Check(options, path, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => e.Message));
    }

    /// <summary>Adds every problem: the options' own check, then the host's.</summary>
    protected abstract void Check(TOptions options, OptionsPath path, List<DataError> errors);
}

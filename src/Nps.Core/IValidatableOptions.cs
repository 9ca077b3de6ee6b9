namespace Nps;

/// <summary>
/// Options that check themselves: every options type of the Nps packages implements it, and constructors, builders
/// and the configuration binding all call it, so an invalid value gives the same <see cref="DataError"/> (its field
/// the option's configuration path) however the options were made.
/// </summary>
public interface IValidatableOptions
{
    /// <summary>Adds every problem with these options to <paramref name="errors"/>; adds nothing when they are valid.</summary>
    /// <param name="path">Where these options sit (the field of each error starts with it).</param>
    /// <param name="errors">Receives the problems.</param>
    void Validate(OptionsPath path, ICollection<DataError> errors);
}

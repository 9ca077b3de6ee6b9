namespace Nps;

/// <summary>
/// Thrown when invalid options are handed to a component: carries every problem, each naming the option's path.
/// An <see cref="ArgumentException"/>, since options are an argument the caller controls.
/// </summary>
public sealed class NpsOptionsException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="errors"/>.</summary>
    /// <param name="errors">The problems (at least one).</param>
    /// <param name="paramName">The parameter that held the options.</param>
    public NpsOptionsException(IReadOnlyList<DataError> errors, string? paramName = null)
        : base("The options are invalid:" + Environment.NewLine + "- " + string.Join(Environment.NewLine + "- ", (errors ?? throw new ArgumentNullException(nameof(errors))).Select(e => e.Message)), paramName)
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with a message only (prefer the constructor that takes the errors).</summary>
    public NpsOptionsException() : this([]) { }

    /// <summary>Creates the exception with a message only (prefer the constructor that takes the errors).</summary>
    /// <param name="message">The message.</param>
    public NpsOptionsException(string message) : base(message) => Errors = [new DataError(0, null, message)];

    /// <summary>Creates the exception with a message and its cause (prefer the constructor that takes the errors).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public NpsOptionsException(string message, Exception innerException) : base(message, innerException) => Errors = [new DataError(0, null, message)];

    /// <summary>Every problem, each with its option path as the field.</summary>
    public IReadOnlyList<DataError> Errors { get; }
}

namespace Nps.Data;

/// <summary>
/// Bad data met where reading cannot go on quietly: a strict <see cref="DataReader{T}.ReadAll(Action{DataError}?)"/>
/// throws it at the first invalid record, so that a failure cannot pass for the end of the data.
/// </summary>
public sealed class DataException : Exception
{
    /// <summary>Creates the exception for an error.</summary>
    /// <param name="error">Where and why.</param>
    public DataException(DataError error)
        : base(error.Message) => Error = error;

    /// <summary>Creates the exception with a message (for serializers and tests); its error has no line or field.</summary>
    public DataException()
        : this(new DataError(0, null, "invalid data"))
    {
    }

    /// <summary>Creates the exception with a message; its error has no line or field.</summary>
    /// <param name="message">What is wrong.</param>
    public DataException(string message)
        : this(new DataError(0, null, message))
    {
    }

    /// <summary>Creates the exception with a message and its cause; its error has no line or field.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public DataException(string message, Exception innerException)
        : base(message, innerException) => Error = new DataError(0, null, message);

    /// <summary>Where and why.</summary>
    public DataError Error { get; }
}

namespace Nps.Sampling;

/// <summary>A survey program's options are invalid; <see cref="Errors"/> lists every problem with its option path.</summary>
public sealed class SurveyProgramConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SurveyProgramConfigurationException() : this([]) { }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public SurveyProgramConfigurationException(string message) : base(message) => Errors = [new DataError(0, null, message)];

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SurveyProgramConfigurationException(string message, Exception innerException) : base(message, innerException) =>
        Errors = [new DataError(0, null, message)];

    /// <summary>Creates the exception from validation errors.</summary>
    /// <param name="errors">The errors, each naming its option path.</param>
    public SurveyProgramConfigurationException(IReadOnlyList<DataError> errors)
        : base("The survey program configuration is invalid:" + Environment.NewLine + "- " +
            string.Join(Environment.NewLine + "- ", (errors ?? []).Select(e => e.Message)))
    {
        Errors = errors ?? [];
    }

    /// <summary>
    /// Every problem found, each naming its option path as <see cref="DataError.Field"/> (e.g. <c>Fatigue:Cooldowns:0:Days</c>
    /// with the reason <c>must be &gt; 0.</c>).
    /// </summary>
    public IReadOnlyList<DataError> Errors { get; }
}

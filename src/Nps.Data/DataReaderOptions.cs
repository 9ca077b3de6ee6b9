using System.Globalization;

namespace Nps.Data;

/// <summary>How the readers read: what to do with an invalid record, how large a record may grow, what is plausible.</summary>
public sealed record DataReaderOptions
{
    /// <summary>The default maximum record size: 1 MiB.</summary>
    public const int DefaultMaxRecordSize = 1 << 20;

    /// <summary>The defaults: stop at the first invalid record, 1 MiB records, <see cref="PlausibilityLimits.Default"/>.</summary>
    public static DataReaderOptions Default { get; } = new();

    /// <summary>
    /// <see langword="false"/> (default): reading stops at the first invalid record (strict). <see langword="true"/>:
    /// that record alone is rejected (reported and counted) and reading goes on with the next one.
    /// </summary>
    public bool SkipInvalid { get; init; }

    /// <summary>
    /// For <see cref="SurveyResponseReader"/>: <see langword="true"/> (default): a response without
    /// <c>responded_at</c> is invalid. <see langword="false"/>: for analyses that ignore the time (themes), a response
    /// without one is read with <see cref="Nps.SurveyResponse.RespondedAt"/> = <see cref="DateTimeOffset.MinValue"/>;
    /// a time that is present is still checked. The other readers ignore this option.
    /// </summary>
    public bool RequireRespondedAt { get; init; } = true;

    /// <summary>
    /// The largest record, in bytes of UTF-8, that is read (a quoted field left open grows a record until this);
    /// memory is bounded by it, never by the file. 1 MiB by default; at least 1 KiB.
    /// </summary>
    public int MaxRecordSize { get; init; } = DefaultMaxRecordSize;

    /// <summary>The plausibility limits for times and probabilities.</summary>
    public PlausibilityLimits Limits { get; init; } = PlausibilityLimits.Default;

    /// <summary>The clock that "in the future" is measured against.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// The user's names for columns with a meaning, by meaning: <c>{ ["rating"] = "score", ["responded_at"] = "date" }</c>
    /// reads <c>id,score,date,department</c> without renaming. The meanings are the names of
    /// <see cref="ResponseColumns"/> (and <c>team</c>, <c>agent</c>, <c>channel</c>, <c>product</c>,
    /// <c>touchpoint</c>, or a touchpoint file's columns); names match as columns do (case, <c>_</c>, <c>-</c> and
    /// spaces ignored). A mapped meaning is read from the user's column only. Empty by default.
    /// </summary>
    public IReadOnlyDictionary<string, string> ColumnNames { get; init; } = new Dictionary<string, string>();

    /// <summary>Checks the options.</summary>
    /// <param name="path">Where these options sit in the caller's configuration, for the message.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message names it by its path.</exception>
    public void Validate(string path = nameof(DataReaderOptions))
    {
        if (MaxRecordSize < 1024)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{path}.{nameof(MaxRecordSize)} must be at least 1024 bytes; got {MaxRecordSize}."), path);
        }

        if (Limits is null)
        {
            throw new ArgumentException($"{path}.{nameof(Limits)} must not be null.", path);
        }

        if (Clock is null)
        {
            throw new ArgumentException($"{path}.{nameof(Clock)} must not be null.", path);
        }

        if (ColumnNames is null)
        {
            throw new ArgumentException($"{path}.{nameof(ColumnNames)} must not be null.", path);
        }

        foreach (var (meaning, column) in ColumnNames)
        {
            if (string.IsNullOrWhiteSpace(meaning) || string.IsNullOrWhiteSpace(column))
            {
                throw new ArgumentException($"{path}.{nameof(ColumnNames)} maps '{meaning}' to '{column}'; both names must be given.", path);
            }
        }

        Limits.Validate($"{path}.{nameof(Limits)}");
    }
}

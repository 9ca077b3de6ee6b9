using System.Globalization;

namespace Nps.Data;

/// <summary>How the readers read: what to do with an invalid record, how large a record may grow, what is plausible.</summary>
public sealed record DataReaderOptions : IValidatableOptions
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

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (MaxRecordSize < 1024)
        {
            errors.Add(path.Then(nameof(MaxRecordSize)).Error(string.Create(CultureInfo.InvariantCulture, $"must be at least 1024 bytes; got {MaxRecordSize}.")));
        }

        if (Clock is null) errors.Add(path.Then(nameof(Clock)).Error("must not be null."));
        var columns = path.Then(nameof(ColumnNames));
        if (ColumnNames is null) errors.Add(columns.Error("must not be null."));
        else
        {
            foreach (var (meaning, column) in ColumnNames)
            {
                if (string.IsNullOrWhiteSpace(meaning) || string.IsNullOrWhiteSpace(column))
                {
                    errors.Add(columns.Error($"maps '{meaning}' to '{column}'; both names must be given."));
                }
            }
        }

        if (Limits is null) errors.Add(path.Then(nameof(Limits)).Error("must not be null."));
        else Limits.Validate(path.Then(nameof(Limits)), errors);
    }
}

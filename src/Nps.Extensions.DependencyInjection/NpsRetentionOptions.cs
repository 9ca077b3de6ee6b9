using Nps.Privacy;

namespace Nps;

/// <summary>
/// How long personal data is kept (configuration section <c>Nps:Retention</c>): older rows are erased by a background
/// pass in batches, while the rollups keep their counts, so long-range trends survive without personal data. Neither
/// is trimmed by default.
/// </summary>
public sealed record NpsRetentionOptions : IValidatableOptions
{
    /// <summary>
    /// How long responses (with their comments and attributes) and follow-ups are kept, e.g. <c>730.00:00:00</c>;
    /// none (the default): forever. Key <c>Nps:Retention:Responses</c>.
    /// </summary>
    public TimeSpan? Responses { get; init; }

    /// <summary>
    /// How long contact history is kept (ledger records, sampling decisions, invitations, first sightings); none (the
    /// default): forever. Must not be shorter than the longest span the fatigue rules look back on. Each customer's
    /// latest opt-out or opt-in is kept whatever its age. Key <c>Nps:Retention:Contacts</c>.
    /// </summary>
    public TimeSpan? Contacts { get; init; }

    /// <summary>How often the background pass runs (default one hour). Key <c>Nps:Retention:Interval</c>.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Rows removed per transaction (default 1,000). Key <c>Nps:Retention:BatchSize</c>.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>The policy these options describe, for a program whose rules look back <paramref name="lookBack"/> (validate first).</summary>
    /// <param name="lookBack">The rules' look-back (<see cref="Sampling.SurveyProgram.LookBackOf"/>).</param>
    /// <returns>The policy.</returns>
    public RetentionPolicy ToPolicy(TimeSpan lookBack) => new() { Responses = Responses, Contacts = Contacts, LookBack = lookBack };

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Responses is { } responses) errors.Positive(path.Then(nameof(Responses)), responses);
        if (Contacts is { } contacts) errors.Positive(path.Then(nameof(Contacts)), contacts);
        errors.Positive(path.Then(nameof(Interval)), Interval);
        errors.Range(path.Then(nameof(BatchSize)), BatchSize, 1, 100_000);
    }
}

namespace Nps.Privacy;

/// <summary>
/// How long rows are kept: responses for <see cref="Responses"/>, contact history (ledger, decisions, invitations, first
/// sightings) for <see cref="Contacts"/>, neither trimmed when <see langword="null"/>. Cutoffs fall on a UTC midnight, so
/// a UTC day's responses go together and its rollup row never stands beside part of its raw rows; the contact cutoff
/// never falls inside the fatigue rules' <see cref="LookBack"/>, whatever <see cref="Contacts"/> says.
/// </summary>
public sealed record RetentionPolicy
{
    /// <summary>How long responses (and follow-ups) are kept; <see langword="null"/>: forever.</summary>
    public TimeSpan? Responses { get; init; }

    /// <summary>How long contact history is kept; <see langword="null"/>: forever.</summary>
    public TimeSpan? Contacts { get; init; }

    /// <summary>The longest span the fatigue rules and the relational cadence look back on (<see cref="Sampling.SurveyProgram.LookBackOf"/>).</summary>
    public TimeSpan LookBack { get; init; }

    /// <summary>Whether anything is ever trimmed.</summary>
    public bool IsEnabled => Responses is not null || Contacts is not null;

    /// <summary>Responses dated before this instant go, or <see langword="null"/> when responses are kept forever.</summary>
    /// <param name="now">The current time.</param>
    /// <returns>The UTC midnight at or before <paramref name="now"/> less <see cref="Responses"/>.</returns>
    public DateTimeOffset? ResponsesCutoff(DateTimeOffset now) => Responses is { } keep ? Before(now, keep) : null;

    /// <summary>Contact history dated before this instant goes, or <see langword="null"/> when it is kept forever.</summary>
    /// <param name="now">The current time.</param>
    /// <returns>The UTC midnight at or before <paramref name="now"/> less the longer of <see cref="Contacts"/> and <see cref="LookBack"/>.</returns>
    public DateTimeOffset? ContactsCutoff(DateTimeOffset now) => Contacts is { } keep ? Before(now, keep > LookBack ? keep : LookBack) : null;

    private static DateTimeOffset? Before(DateTimeOffset now, TimeSpan keep)
    {
        var ticks = now.UtcTicks - keep.Ticks;
        if (ticks <= 0) return null; // nothing can be that old
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerDay), TimeSpan.Zero);
    }
}

using System.Globalization;

namespace Nps.Data;

/// <summary>
/// What a value may be and still be believed: a time far in the future or long before surveys were electronic, or
/// an inclusion probability so small that one response would outweigh a country, is a data error naming the field,
/// so that nothing accepted can later make a read, a report or a decision fail.
/// </summary>
public sealed record PlausibilityLimits : IValidatableOptions
{
    /// <summary>The defaults: not before 2000-01-01, at most one day after the clock, probabilities of at least 1e-6.</summary>
    public static PlausibilityLimits Default { get; } = new();

    /// <summary>The earliest plausible time (inclusive); 2000-01-01T00:00Z by default.</summary>
    public DateTimeOffset Earliest { get; init; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far after the clock's now a time may lie (clocks differ; time zones are mistyped); one day by default.</summary>
    public TimeSpan MaximumAheadOfClock { get; init; } = TimeSpan.FromDays(1);

    /// <summary>The smallest plausible inclusion probability (a weight of at most its inverse); 1e-6 by default.</summary>
    public double MinimumInclusionProbability { get; init; } = 1e-6;

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (MaximumAheadOfClock < TimeSpan.Zero)
        {
            errors.Add(path.Then(nameof(MaximumAheadOfClock)).Error(string.Create(CultureInfo.InvariantCulture, $"must not be negative; got {MaximumAheadOfClock}.")));
        }

        if (!(MinimumInclusionProbability > 0 && MinimumInclusionProbability <= 1))
        {
            errors.Add(path.Then(nameof(MinimumInclusionProbability)).Error(string.Create(CultureInfo.InvariantCulture, $"must be in (0, 1]; got {MinimumInclusionProbability}.")));
        }
    }

    /// <summary>Whether <paramref name="time"/> is plausible given the clock's <paramref name="now"/>.</summary>
    /// <param name="time">The time read.</param>
    /// <param name="field">The field it came from, for the error.</param>
    /// <param name="now">The clock's current time.</param>
    /// <param name="error">Why not, when not.</param>
    /// <returns>Whether the time is within the limits.</returns>
    public bool TryCheckTime(DateTimeOffset time, string field, DateTimeOffset now, out DataError error)
    {
        if (time < Earliest)
        {
            error = new DataError(0, field, string.Create(CultureInfo.InvariantCulture,
                $"{field} {Format(time)} is before {Format(Earliest)}, the earliest plausible time"));
            return false;
        }

        if (time - now > MaximumAheadOfClock)
        {
            error = new DataError(0, field, string.Create(CultureInfo.InvariantCulture,
                $"{field} {Format(time)} is in the future (more than {Describe(MaximumAheadOfClock)} after now, {Format(now)})"));
            return false;
        }

        error = default;
        return true;
    }

    /// <summary>Whether an inclusion probability (already known to be in (0, 1]) is at least the floor.</summary>
    /// <param name="probability">The probability.</param>
    /// <param name="field">The field it came from (for a weight: the weight's field).</param>
    /// <param name="error">Why not, when not.</param>
    /// <returns>Whether the probability is plausible.</returns>
    public bool TryCheckProbability(double probability, string field, out DataError error)
    {
        if (probability < MinimumInclusionProbability)
        {
            error = new DataError(0, field, string.Create(CultureInfo.InvariantCulture,
                $"{field} gives an inclusion probability of {probability:R}, below the plausible minimum of {MinimumInclusionProbability:R}"));
            return false;
        }

        error = default;
        return true;
    }

    private static string Format(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Describe(TimeSpan span) => span.TotalDays == 1 ? "1 day" :
        span.TotalHours == Math.Floor(span.TotalHours) ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0} hours") :
        span.ToString("c", CultureInfo.InvariantCulture);
}

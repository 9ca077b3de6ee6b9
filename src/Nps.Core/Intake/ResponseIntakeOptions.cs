using System.Globalization;

namespace Nps.Intake;

/// <summary>
/// Plausibility limits the intake applies before storing a response, so that nothing accepted can later break a
/// read, a report, a decision or a start-up.
/// </summary>
public sealed record ResponseIntakeOptions : IValidatableOptions
{
    /// <summary>The earliest accepted answer time; 2000-01-01T00:00Z by default.</summary>
    public DateTimeOffset EarliestRespondedAt { get; init; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far after the intake's clock an answer time may lie (clock skew); 1 day by default.</summary>
    public TimeSpan MaxFutureSkew { get; init; } = TimeSpan.FromDays(1);

    /// <summary>The smallest accepted inclusion probability (larger weights make estimates meaningless); 1e-6 by default.</summary>
    public double MinimumInclusionProbability { get; init; } = 1e-6;

    /// <summary>The longest comment accepted, in bytes of UTF-8; 8 KiB by default.</summary>
    public int MaxCommentBytes { get; init; } = ResponseFieldRules.DefaultMaxCommentBytes;

    /// <summary>
    /// Whether comments are stored as given. <see langword="false"/> by default: e-mail addresses, phone numbers, IBANs,
    /// postcodes with house numbers and card numbers are masked (<see cref="Privacy.CommentMasker"/>) before storing.
    /// Set it only with a basis to keep them.
    /// </summary>
    public bool KeepOriginalComments { get; init; }

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (MaxFutureSkew < TimeSpan.Zero) errors.Add(path.Then(nameof(MaxFutureSkew)), "must not be negative.");
        errors.AtLeast(path.Then(nameof(MaxCommentBytes)), MaxCommentBytes, 0);
        if (!(MinimumInclusionProbability > 0 && MinimumInclusionProbability <= 1))
        {
            errors.Add(path.Then(nameof(MinimumInclusionProbability)), string.Create(CultureInfo.InvariantCulture, $"must be in (0, 1] (it is {MinimumInclusionProbability:R})."));
        }
    }
}

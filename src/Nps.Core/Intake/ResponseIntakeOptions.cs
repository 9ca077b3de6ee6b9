using System.Globalization;

namespace Nps.Intake;

/// <summary>
/// Plausibility limits the intake applies before storing a response, so that nothing accepted can later break a
/// read, a report, a decision or a start-up.
/// </summary>
public sealed record ResponseIntakeOptions
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

    /// <summary>Checks the options.</summary>
    /// <returns>The errors, each naming its option as <see cref="DataError.Field"/> with the refused value; empty when valid.</returns>
    public IReadOnlyList<DataError> Validate()
    {
        var errors = new List<DataError>();
        if (MaxFutureSkew < TimeSpan.Zero) errors.Add(new(0, nameof(MaxFutureSkew), "must not be negative.", MaxFutureSkew.ToString("c", CultureInfo.InvariantCulture)));
        if (MaxCommentBytes < 0) errors.Add(new(0, nameof(MaxCommentBytes), string.Create(CultureInfo.InvariantCulture, $"must not be negative; got {MaxCommentBytes}."), MaxCommentBytes.ToString(CultureInfo.InvariantCulture)));
        if (!(MinimumInclusionProbability > 0 && MinimumInclusionProbability <= 1))
        {
            var shown = MinimumInclusionProbability.ToString(CultureInfo.InvariantCulture);
            errors.Add(new(0, nameof(MinimumInclusionProbability), $"must be in (0, 1]; got {shown}.", shown));
        }

        return errors;
    }
}

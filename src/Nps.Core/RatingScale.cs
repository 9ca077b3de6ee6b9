using System.Globalization;

namespace Nps;

/// <summary>
/// Maps a rating scale onto the three Net Promoter categories with explicit break points. The standard is the
/// 0–10 scale (<see cref="Standard"/>); other scales are conventions, not the NPS, and reports should say so.
/// </summary>
/// <remarks>
/// A rating r is a detractor when r ≤ <see cref="DetractorsUpTo"/>, a passive when r ≤ <see cref="PassivesUpTo"/>,
/// and a promoter otherwise. Scores from different scales are not comparable with each other.
/// </remarks>
public sealed class RatingScale : IEquatable<RatingScale>
{
    private RatingScale(int minimum, int maximum, int detractorsUpTo, int passivesUpTo)
    {
        Minimum = minimum;
        Maximum = maximum;
        DetractorsUpTo = detractorsUpTo;
        PassivesUpTo = passivesUpTo;
    }

    /// <summary>The standard 0–10 scale: 0–6 detractor, 7–8 passive, 9–10 promoter.</summary>
    public static RatingScale Standard { get; } = new(0, 10, 6, 8);

    /// <summary>A 1–10 scale (no zero): 1–6 detractor, 7–8 passive, 9–10 promoter.</summary>
    public static RatingScale OneToTen { get; } = new(1, 10, 6, 8);

    /// <summary>A 1–5 scale, a common convention: 1–3 detractor, 4 passive, 5 promoter.</summary>
    public static RatingScale OneToFive { get; } = new(1, 5, 3, 4);

    /// <summary>The lowest rating on the scale.</summary>
    public int Minimum { get; }

    /// <summary>The highest rating on the scale.</summary>
    public int Maximum { get; }

    /// <summary>The highest rating that counts as a detractor.</summary>
    public int DetractorsUpTo { get; }

    /// <summary>The highest rating that counts as a passive; above it are promoters.</summary>
    public int PassivesUpTo { get; }

    /// <summary>Creates a scale with explicit break points.</summary>
    /// <param name="minimum">The lowest rating.</param>
    /// <param name="maximum">The highest rating.</param>
    /// <param name="detractorsUpTo">The highest detractor rating (≥ minimum).</param>
    /// <param name="passivesUpTo">The highest passive rating (≥ detractorsUpTo, &lt; maximum so promoters exist).</param>
    /// <returns>The scale.</returns>
    /// <exception cref="ArgumentException">The break points are not ordered minimum ≤ detractorsUpTo ≤ passivesUpTo &lt; maximum.</exception>
    public static RatingScale Create(int minimum, int maximum, int detractorsUpTo, int passivesUpTo)
    {
        if (!(minimum <= detractorsUpTo && detractorsUpTo <= passivesUpTo && passivesUpTo < maximum))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Break points must satisfy minimum ≤ detractorsUpTo ≤ passivesUpTo < maximum; got {minimum} ≤ {detractorsUpTo} ≤ {passivesUpTo} < {maximum}."));
        }

        return new RatingScale(minimum, maximum, detractorsUpTo, passivesUpTo);
    }

    /// <summary>Whether a rating lies on the scale.</summary>
    /// <param name="rating">The rating.</param>
    /// <returns><see langword="true"/> when minimum ≤ rating ≤ maximum.</returns>
    public bool IsValid(int rating) => rating >= Minimum && rating <= Maximum;

    /// <summary>Classifies a rating on this scale.</summary>
    /// <param name="rating">The rating.</param>
    /// <param name="category">The category, when the rating is on the scale.</param>
    /// <returns><see langword="false"/> when the rating is off the scale.</returns>
    public bool TryClassify(int rating, out NpsCategory category)
    {
        category = rating <= DetractorsUpTo ? NpsCategory.Detractor : rating <= PassivesUpTo ? NpsCategory.Passive : NpsCategory.Promoter;
        return IsValid(rating);
    }

    /// <summary>Classifies a rating on this scale.</summary>
    /// <param name="rating">The rating.</param>
    /// <returns>The category.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rating is off the scale.</exception>
    public NpsCategory Classify(int rating) => TryClassify(rating, out var category)
        ? category
        : throw new ArgumentOutOfRangeException(nameof(rating), rating,
            string.Create(CultureInfo.InvariantCulture, $"A rating on this scale is from {Minimum} to {Maximum}."));

    /// <summary>Counts ratings on this scale into categories.</summary>
    /// <param name="ratings">The ratings.</param>
    /// <returns>The category counts (with the score's statistics).</returns>
    /// <exception cref="ArgumentException">A rating is off the scale; the message names its index.</exception>
    public NpsCategoryCounts Count(ReadOnlySpan<int> ratings)
    {
        long detractors = 0, passives = 0, promoters = 0;
        for (var i = 0; i < ratings.Length; i++)
        {
            if (!TryClassify(ratings[i], out var category))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Rating at index {i} is {ratings[i]}; a rating on this scale is from {Minimum} to {Maximum}."), nameof(ratings));
            }

            switch (category)
            {
                case NpsCategory.Detractor: detractors++; break;
                case NpsCategory.Passive: passives++; break;
                default: promoters++; break;
            }
        }

        return new NpsCategoryCounts(detractors, passives, promoters);
    }

    /// <inheritdoc />
    public bool Equals(RatingScale? other) => other is not null && Minimum == other.Minimum && Maximum == other.Maximum &&
                                              DetractorsUpTo == other.DetractorsUpTo && PassivesUpTo == other.PassivesUpTo;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RatingScale);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Minimum, Maximum, DetractorsUpTo, PassivesUpTo);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Minimum}–{Maximum}: detractors ≤ {DetractorsUpTo}, passives ≤ {PassivesUpTo}, promoters above");
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Nps;

/// <summary>One answer to the likelihood-to-recommend question on the standard 0–10 scale.</summary>
/// <remarks>
/// <c>default(NpsRating)</c> is a valid rating of 0. Use <see cref="From(int)"/> for values that must be valid
/// (programmer error otherwise) and <see cref="TryCreate(int, out NpsRating)"/> for data from outside.
/// </remarks>
public readonly record struct NpsRating : IComparable<NpsRating>, ISpanFormattable
{
    /// <summary>The lowest rating, 0.</summary>
    public const int MinValue = 0;

    /// <summary>The highest rating, 10.</summary>
    public const int MaxValue = 10;

    private readonly byte _value;

    private NpsRating(byte value) => _value = value;

    /// <summary>The rating, 0 to 10.</summary>
    public int Value => _value;

    /// <summary>The category of this rating: 0–6 detractor, 7–8 passive, 9–10 promoter.</summary>
    public NpsCategory Category => Classify(_value);

    /// <summary>Creates a rating, throwing when <paramref name="value"/> is outside 0..10.</summary>
    /// <param name="value">The rating.</param>
    /// <returns>The rating.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not in 0..10.</exception>
    public static NpsRating From(int value)
    {
        if (!TryCreate(value, out var rating))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value,
                string.Create(CultureInfo.InvariantCulture, $"An NPS rating must be an integer from 0 to 10; got {value}."));
        }

        return rating;
    }

    /// <summary>Creates a rating when <paramref name="value"/> is in 0..10.</summary>
    /// <param name="value">The candidate rating.</param>
    /// <param name="rating">The rating, or <c>default</c> when the value is invalid.</param>
    /// <returns><see langword="true"/> when the value is a valid rating.</returns>
    public static bool TryCreate(int value, out NpsRating rating)
    {
        if ((uint)value <= MaxValue)
        {
            rating = new NpsRating((byte)value);
            return true;
        }

        rating = default;
        return false;
    }

    /// <summary>Parses a rating written as an integer 0..10 (surrounding white space allowed).</summary>
    /// <param name="text">The text.</param>
    /// <param name="rating">The rating, or <c>default</c> when the text is not a valid rating.</param>
    /// <returns><see langword="true"/> when the text is a valid rating.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out NpsRating rating) => TryParse(text.AsSpan(), out rating);

    /// <summary>Parses a rating written as an integer 0..10 (surrounding white space allowed).</summary>
    /// <param name="text">The text.</param>
    /// <param name="rating">The rating, or <c>default</c> when the text is not a valid rating.</param>
    /// <returns><see langword="true"/> when the text is a valid rating.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out NpsRating rating)
    {
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return TryCreate(value, out rating);
        }

        rating = default;
        return false;
    }

    /// <summary>Classifies a 0–10 rating: 0–6 detractor, 7–8 passive, 9–10 promoter.</summary>
    /// <param name="rating">The rating.</param>
    /// <returns>The category.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rating"/> is not in 0..10.</exception>
    public static NpsCategory Classify(int rating) => rating switch
    {
        >= 0 and <= 6 => NpsCategory.Detractor,
        7 or 8 => NpsCategory.Passive,
        9 or 10 => NpsCategory.Promoter,
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, "An NPS rating must be an integer from 0 to 10."),
    };

    /// <summary>Converts a rating to its integer value.</summary>
    /// <param name="rating">The rating.</param>
    public static implicit operator int(NpsRating rating) => rating._value;

    /// <inheritdoc />
    public int CompareTo(NpsRating other) => _value.CompareTo(other._value);

    /// <summary>Whether <paramref name="left"/> is lower than <paramref name="right"/>.</summary>
    /// <param name="left">The left rating.</param>
    /// <param name="right">The right rating.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(NpsRating left, NpsRating right) => left._value < right._value;

    /// <summary>Whether <paramref name="left"/> is higher than <paramref name="right"/>.</summary>
    /// <param name="left">The left rating.</param>
    /// <param name="right">The right rating.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(NpsRating left, NpsRating right) => left._value > right._value;

    /// <summary>Whether <paramref name="left"/> is lower than or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The left rating.</param>
    /// <param name="right">The right rating.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(NpsRating left, NpsRating right) => left._value <= right._value;

    /// <summary>Whether <paramref name="left"/> is higher than or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The left rating.</param>
    /// <param name="right">The right rating.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(NpsRating left, NpsRating right) => left._value >= right._value;

    /// <inheritdoc />
    public override string ToString() => _value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => _value.ToString(format, formatProvider);

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        _value.TryFormat(destination, out charsWritten, format, provider);
}

namespace Nps;

/// <summary>
/// The one reader of calendar dates written the ISO way (<c>yyyy-MM-dd</c>, e.g. <c>2026-03-14</c>): every file
/// format, query parameter and command-line option of the Nps packages that takes a day parses it here, so a day
/// means the same everywhere.
/// </summary>
public static class IsoDate
{
    /// <summary>The format, for messages and for writing a day the same way (<see cref="DateOnly.ToString(string, IFormatProvider)"/> with the invariant culture).</summary>
    public const string Format = "yyyy-MM-dd";

    /// <summary>
    /// Reads a day strictly: exactly ten characters, four-digit year, two-digit month and day (ASCII digits), hyphens
    /// between them, no whitespace, a day that exists (<c>2026-02-29</c> does not); the culture plays no part.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="date">The day, when the text is one.</param>
    /// <returns>Whether the text is a day.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-') return false;
        var year = Digits(text[..4]);
        var month = Digits(text.Slice(5, 2));
        var day = Digits(text.Slice(8, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Reads a day strictly (see <see cref="TryParse(ReadOnlySpan{char}, out DateOnly)"/>); <see langword="null"/> is not one.</summary>
    /// <param name="text">The text.</param>
    /// <param name="date">The day, when the text is one.</param>
    /// <returns>Whether the text is a day.</returns>
    public static bool TryParse(string? text, out DateOnly date) => TryParse(text.AsSpan(), out date);

    // -1 unless every character is an ASCII digit (char.IsAsciiDigit: no other scripts' digits, no signs).
    private static int Digits(ReadOnlySpan<char> text)
    {
        var value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return -1;
            value = (value * 10) + (c - '0');
        }

        return value;
    }
}

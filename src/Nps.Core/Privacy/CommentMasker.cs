using System.Text;
using System.Text.RegularExpressions;

namespace Nps.Privacy;

/// <summary>
/// Masks personal data in free-text comments before they are stored: e-mail addresses, phone numbers (Dutch and
/// international), IBANs, Dutch postcodes with house numbers and Luhn-checked card numbers, each replaced by a
/// placeholder that says what was there (<c>[e-mail]</c>, <c>[phone]</c>, <c>[iban]</c>, <c>[postcode]</c>,
/// <c>[card]</c>). The placeholders hold no theme word, so what a comment is about survives the masking.
/// </summary>
/// <remarks>
/// Rules rather than a model: each pattern is narrow (a phone number starts with <c>+</c>, <c>00</c> or <c>0</c> and
/// has the digits of one; a card number passes Luhn; a postcode has capital letters), so prices, dates, times, order
/// numbers and counts in ordinary comments stay as written.
/// </remarks>
public static partial class CommentMasker
{
    /// <summary>The placeholder written for a kind of personal data.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The placeholder, e.g. <c>[e-mail]</c>.</returns>
    public static string Placeholder(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Email => "[e-mail]",
        PersonalDataKind.Phone => "[phone]",
        PersonalDataKind.Iban => "[iban]",
        PersonalDataKind.Postcode => "[postcode]",
        PersonalDataKind.CardNumber => "[card]",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of personal data."),
    };

    /// <summary>Finds the personal data in a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The spans found, in order, not overlapping.</returns>
    public static IReadOnlyList<PersonalDataSpan> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<PersonalDataSpan>();
        // Most specific first: an e-mail address may hold digits, an IBAN a card-like run, a card a phone-like one.
        Add(EmailPattern(), PersonalDataKind.Email, static _ => true);
        Add(IbanPattern(), PersonalDataKind.Iban, static _ => true);
        Add(CardPattern(), PersonalDataKind.CardNumber, static m => PassesLuhn(m.ValueSpan));
        Add(PhonePattern(), PersonalDataKind.Phone, static m => IsPhone(m.ValueSpan));
        Add(PostcodePattern(), PersonalDataKind.Postcode, static _ => true);
        found.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return found;

        void Add(Regex pattern, PersonalDataKind kind, Func<Match, bool> accept)
        {
            for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
            {
                if (!accept(match) || found.Exists(f => f.Start < match.Index + match.Length && match.Index < f.End)) continue;
                found.Add(new(match.Index, match.Length, kind));
            }
        }
    }

    /// <summary>Replaces the personal data in a text by placeholders.</summary>
    /// <param name="text">The text; <see langword="null"/> stays <see langword="null"/>.</param>
    /// <returns>The masked text (the same instance when nothing was found).</returns>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Mask(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var spans = Find(text);
        if (spans.Count == 0) return text;
        var masked = new StringBuilder(text.Length);
        var at = 0;
        foreach (var span in spans)
        {
            masked.Append(text, at, span.Start - at).Append(Placeholder(span.Kind));
            at = span.End;
        }

        return masked.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Whether a run of digits (spaces and dashes skipped) passes the Luhn check.</summary>
    internal static bool PassesLuhn(ReadOnlySpan<char> number)
    {
        int sum = 0, digits = 0;
        for (var i = number.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(number[i])) continue;
            var d = number[i] - '0';
            if (digits++ % 2 == 1) d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            sum += d;
        }

        return digits is >= 13 and <= 19 && sum % 10 == 0;
    }

    /// <summary>Whether a phone-shaped run has the digits of a phone number: Dutch 0 and 9 more, or + / 00 and 8 to 15.</summary>
    private static bool IsPhone(ReadOnlySpan<char> candidate)
    {
        var digits = 0;
        foreach (var c in candidate) if (char.IsAsciiDigit(c)) digits++;
        if (candidate[0] == '+') return digits is >= 8 and <= 15;
        if (candidate.StartsWith("00")) return digits is >= 10 and <= 17;
        // A Dutch number written as "(0)20 …" after a country code is caught above; here 0 plus 9 digits.
        return digits == 10;
    }

    [GeneratedRegex(@"(?<![\w.+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.\p{L}{2,}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // Capitals only, as IBANs are written: a lower-case word after the last group is not taken for part of it.
    [GeneratedRegex(@"(?<![\p{L}\d])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![\p{L}\d])", RegexOptions.CultureInvariant)]
    private static partial Regex IbanPattern();

    [GeneratedRegex(@"(?<![\w+-])\d(?:[ -]?\d){12,18}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"(?<![\w+])(?:\+|00|0)(?:[ .\-/]?(?:\(0\)|\(\d{1,4}\)|\d)){7,16}(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?:(?<![\w,])\d{1,5}[a-zA-Z]?,?[ ]+)?(?<![\w])[1-9]\d{3}[ ]?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\d])(?:,?[ ]+\d{1,5}(?:[ -]?[a-zA-Z](?![\p{L}]))?(?![\w]))?", RegexOptions.CultureInvariant)]
    private static partial Regex PostcodePattern();
}

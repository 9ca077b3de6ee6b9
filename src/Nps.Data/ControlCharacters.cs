using System.Globalization;
using System.Text;

namespace Nps.Data;

/// <summary>
/// Makes text safe to write to a terminal: control characters (C0, DEL, C1, and the bidirectional overrides that
/// can reorder what a reader sees) are written as visible escapes, so a value in a file cannot move the cursor,
/// clear the screen or disguise itself.
/// </summary>
public static class ControlCharacters
{
    /// <summary>Whether <paramref name="c"/> would be escaped by <see cref="Escape"/>.</summary>
    /// <param name="c">A character.</param>
    /// <returns>Whether it is a control or bidirectional-override character.</returns>
    public static bool IsUnsafe(char c) => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>
    /// The text with each unsafe character escaped: <c>\t</c>, <c>\n</c>, <c>\r</c> and <c>\e</c> for the common
    /// ones, <c>\u001B</c>-style for the rest; other text unchanged.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text (the same instance when nothing needed escaping).</returns>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAnyInRange('\0', '\u001F');
        if (first < 0 && !text.AsSpan().ContainsAny(Others))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (!IsUnsafe(c))
            {
                builder.Append(c);
                continue;
            }

            builder.Append(c switch
            {
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                '\u001B' => "\\e",
                _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
            });
        }

        return builder.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Others = System.Buffers.SearchValues.Create(
        "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");
}

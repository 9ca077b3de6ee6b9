using System.Text;

namespace Nps.Data;

/// <summary>Small helpers over UTF-8 spans: trimming, and quoting a value for a message.</summary>
internal static class Utf8Text
{
    private const int MaxQuoted = 80;

    /// <summary>The span without leading and trailing spaces and tabs.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (start < value.Length && value[start] is (byte)' ' or (byte)'\t')
        {
            start++;
        }

        var end = value.Length;
        while (end > start && value[end - 1] is (byte)' ' or (byte)'\t')
        {
            end--;
        }

        return value[start..end];
    }

    /// <summary>Whether the span is empty or only spaces and tabs.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> value) => Trim(value).IsEmpty;

    /// <summary>A value for a message: decoded (invalid bytes replaced), control characters escaped, long values cut.</summary>
    public static string Show(ReadOnlySpan<byte> value)
    {
        var cut = value.Length > MaxQuoted * 4 ? value[..(MaxQuoted * 4)] : value;
        return Show(Encoding.UTF8.GetString(cut));
    }

    /// <summary>A value for a message: control characters escaped, long values cut.</summary>
    public static string Show(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Length > MaxQuoted ? string.Concat(value.AsSpan(0, MaxQuoted), "…") : value;
        return ControlCharacters.Escape(text);
    }
}

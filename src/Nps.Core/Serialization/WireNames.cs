using System.Text;

namespace Nps.Serialization;

/// <summary>
/// The one vocabulary for enum-like values on the wire, in files and on command lines: lower-case kebab names
/// derived from the enum member (<c>IntervalMethod.AdjustedWald</c> → <c>adjusted-wald</c>,
/// <c>ContactKind.FollowUp</c> → <c>follow-up</c>, <c>Period.Quarter</c> → <c>quarter</c>). Parsing is
/// case-insensitive and ignores <c>-</c>, <c>_</c> and spaces, so <c>Quarter</c>, <c>AdjustedWald</c> and
/// <c>adjusted_wald</c> are all accepted; numbers are not.
/// </summary>
public static class WireNames
{
    /// <summary>The wire name of <paramref name="value"/>.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="value">A defined value.</param>
    /// <returns>Its lower-case kebab name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined member.</exception>
    public static string Format<T>(T value)
        where T : struct, Enum =>
        Names<T>.ByValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(T).Name}.");

    /// <summary>Parses a name case-insensitively, ignoring <c>-</c>, <c>_</c> and spaces.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="text">The text.</param>
    /// <param name="value">The value when the text names one.</param>
    /// <returns>Whether the text names a member of <typeparamref name="T"/>.</returns>
    public static bool TryParse<T>(ReadOnlySpan<char> text, out T value)
        where T : struct, Enum
    {
        var members = Names<T>.Members;
        foreach (var (name, member) in members)
        {
            if (EqualsLoosely(text, name))
            {
                value = member;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Parses a name case-insensitively, ignoring <c>-</c>, <c>_</c> and spaces.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="text">The text; null is not a name.</param>
    /// <param name="value">The value when the text names one.</param>
    /// <returns>Whether the text names a member of <typeparamref name="T"/>.</returns>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        if (text is null)
        {
            value = default;
            return false;
        }

        return TryParse(text.AsSpan(), out value);
    }

    /// <summary>Every wire name of <typeparamref name="T"/>, in the order of the members' values.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <returns>The names.</returns>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Names<T>.All;

    /// <summary>The names joined for a message: <c>day, week, month, quarter or year</c>.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <returns>The list as prose.</returns>
    public static string Describe<T>()
        where T : struct, Enum => Names<T>.Description;

    /// <summary>The kebab form of a PascalCase member name: a hyphen before each inner capital, all lower case.</summary>
    internal static string ToKebab(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0) builder.Append('-');
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static bool EqualsLoosely(ReadOnlySpan<char> text, string name)
    {
        var j = 0;
        foreach (var c in text)
        {
            if (c is '-' or '_' or ' ') continue;
            while (j < name.Length && name[j] == '-') j++;
            if (j >= name.Length || char.ToLowerInvariant(c) != name[j]) return false;
            j++;
        }

        while (j < name.Length && name[j] == '-') j++;
        return j == name.Length && text.Length > 0;
    }

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly (string Name, T Member)[] Members = Build();

        public static readonly Dictionary<T, string> ByValue = Members.ToDictionary(m => m.Member, m => m.Name);

        public static readonly string[] All = [.. Members.Select(m => m.Name)];

        public static readonly string Description = All.Length switch
        {
            0 => string.Empty,
            1 => All[0],
            _ => string.Join(", ", All[..^1]) + " or " + All[^1],
        };

        private static (string, T)[] Build()
        {
            var values = Enum.GetValues<T>();
            var result = new (string, T)[values.Length];
            for (var i = 0; i < values.Length; i++) result[i] = (ToKebab(values[i].ToString()), values[i]);
            return result;
        }
    }
}

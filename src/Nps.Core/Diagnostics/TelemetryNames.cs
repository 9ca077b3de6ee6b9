using System.Collections.Frozen;
using System.Text;

namespace Nps.Diagnostics;

/// <summary>An enum value as a tag value: snake case (<c>CallbackRequested</c> → <c>callback_requested</c>), made once per value.</summary>
internal static class TelemetryNames
{
    public static string Of<T>(T value) where T : struct, Enum => Cache<T>.Names.TryGetValue(value, out var name) ? name : Snake(value.ToString());

    private static string Snake(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) builder.Append('_');
            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    private static class Cache<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> Names = Enum.GetValues<T>().Distinct().ToFrozenDictionary(v => v, v => Snake(v.ToString()));
    }
}

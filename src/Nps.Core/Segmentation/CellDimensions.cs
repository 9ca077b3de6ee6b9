using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Nps.Segmentation;

/// <summary>
/// A cell's dimension values by name: the names are one array shared by every cell of a report, the values one small
/// array per cell, so a report of thousands of cells builds no hash table per cell. Names compare
/// case-insensitively (a report's names are distinct ignoring case); a lookup scans the few names, comparing by
/// reference first, since callers usually pass the very strings the report was built with. Enumerated in name order.
/// </summary>
internal sealed class CellDimensions : IReadOnlyDictionary<string, string>
{
    /// <summary>No dimensions (the overall cell).</summary>
    public static readonly CellDimensions None = new([], []);

    private readonly string[] _names;
    private readonly string[] _values;

    /// <summary>The values of <paramref name="names"/>, one each, in the same order (both arrays are kept, not copied).</summary>
    public CellDimensions(string[] names, string[] values)
    {
        if (names.Length != values.Length) throw new ArgumentException("One value per name is needed.", nameof(values));
        _names = names;
        _values = values;
    }

    public int Count => _names.Length;

    public IEnumerable<string> Keys => _names;

    public IEnumerable<string> Values => _values;

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The cell has no dimension \"{key}\".");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _names.Length; i++) yield return new KeyValuePair<string, string>(_names[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < _names.Length; i++)
        {
            if (ReferenceEquals(_names[i], key)) return i;
        }

        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], key, StringComparison.OrdinalIgnoreCase)) return i;
        }

        return -1;
    }
}

using System.Text;

namespace Nps.Data;

/// <summary>
/// The columns of a file: a CSV header, or every key met so far in a JSON Lines file. Names match loosely
/// (case, <c>_</c>, <c>-</c> and spaces ignored), so <c>responded_at</c>, <c>respondedAt</c> and <c>RespondedAt</c>
/// are one column; a name keeps the spelling it was first met with.
/// </summary>
internal sealed class ColumnSet
{
    private readonly List<string> _names = [];
    private readonly List<byte[]> _keys = [];
    private readonly List<(byte[] Meaning, byte[] Column)> _mapped = [];

    public IReadOnlyList<string> Names => _names;

    public int Count => _names.Count;

    /// <summary>Grows by one each time a column is added (JSON Lines), so cached indexes can be refreshed.</summary>
    public int Version { get; private set; }

    public string this[int index] => _names[index];

    /// <summary>Adds a name; returns its index, or -1 when a loosely equal name is already there.</summary>
    public int Add(string name)
    {
        var key = Key(Encoding.UTF8.GetBytes(name));
        if (Find(key) >= 0)
        {
            return -1;
        }

        _names.Add(name);
        _keys.Add(key);
        Version++;
        return _names.Count - 1;
    }

    /// <summary>
    /// Maps meanings to the user's column names (<c>rating</c> → <c>score</c>): <see cref="IndexOf"/> of a mapped
    /// meaning finds the user's column (and only it), whatever the file calls its other columns.
    /// </summary>
    public void Map(IReadOnlyDictionary<string, string> columnNames)
    {
        foreach (var (meaning, column) in columnNames)
        {
            _mapped.Add((Key(Encoding.UTF8.GetBytes(meaning)), Key(Encoding.UTF8.GetBytes(column))));
        }
    }

    /// <summary>Maps as <paramref name="other"/> does (a stretch of a file read on another thread).</summary>
    public void MapLike(ColumnSet other) => _mapped.AddRange(other._mapped);

    /// <summary>The index of <paramref name="name"/> (or of the column it is mapped to), or -1.</summary>
    public int IndexOf(string name)
    {
        var key = Key(Encoding.UTF8.GetBytes(name));
        foreach (var (meaning, column) in _mapped)
        {
            if (key.AsSpan().SequenceEqual(meaning)) return Find(column);
        }

        return Find(key);
    }

    /// <summary>The index of the first of <paramref name="names"/> present, or -1.</summary>
    public int IndexOfAny(ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            var index = IndexOf(name);
            if (index >= 0)
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>The index of the UTF-8 <paramref name="name"/>, adding it when new.</summary>
    public int GetOrAdd(ReadOnlySpan<byte> name)
    {
        Span<byte> buffer = stackalloc byte[256];
        var key = name.Length <= buffer.Length ? KeyInto(name, buffer) : Key(name);
        var index = Find(key);
        if (index >= 0)
        {
            return index;
        }

        _names.Add(Encoding.UTF8.GetString(name));
        _keys.Add(key.ToArray());
        Version++;
        return _names.Count - 1;
    }

    private int Find(ReadOnlySpan<byte> key)
    {
        for (var i = 0; i < _keys.Count; i++)
        {
            if (key.SequenceEqual(_keys[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static byte[] Key(ReadOnlySpan<byte> name) => KeyInto(name, new byte[name.Length]).ToArray();

    private static Span<byte> KeyInto(ReadOnlySpan<byte> name, Span<byte> into)
    {
        var length = 0;
        foreach (var b in name)
        {
            if (b is (byte)'_' or (byte)'-' or (byte)' ')
            {
                continue;
            }

            into[length++] = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b;
        }

        return into[..length];
    }
}

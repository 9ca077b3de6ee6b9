using System.Text;

namespace Nps.Data;

/// <summary>
/// Maps UTF-8 values to dense ids (1, 2, …; 0 is "no value") and one string each, made the first time the value
/// is met: a repeated dimension value costs a hash and a compare, never an allocation. Open addressing over
/// parallel arrays.
/// </summary>
internal sealed class Utf8Interner
{
    private readonly List<string?> _strings = [null];
    private byte[][] _keys = new byte[64][];
    private int[] _ids = new int[64];
    private uint[] _hashes = new uint[64];
    private int _count;

    public int Count => _count;

    /// <summary>The string of an id (null for 0).</summary>
    public string? this[int id] => _strings[id];

    /// <summary>The value's id (made on first sight).</summary>
    public int Id(ReadOnlySpan<byte> value)
    {
        var hash = Hash(value);
        var mask = _keys.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (true)
        {
            var key = _keys[slot];
            if (key is null)
            {
                break;
            }

            if (_hashes[slot] == hash && value.SequenceEqual(key))
            {
                return _ids[slot];
            }

            slot = (slot + 1) & mask;
        }

        var id = _strings.Count;
        _strings.Add(Encoding.UTF8.GetString(value));
        _keys[slot] = value.ToArray();
        _ids[slot] = id;
        _hashes[slot] = hash;
        if (++_count * 2 > _keys.Length)
        {
            Grow();
        }

        return id;
    }

    private static uint Hash(ReadOnlySpan<byte> value)
    {
        var hash = 2166136261u;
        foreach (var b in value)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash ^ (hash >> 15);
    }

    private void Grow()
    {
        var keys = _keys;
        var ids = _ids;
        var hashes = _hashes;
        _keys = new byte[keys.Length * 2][];
        _ids = new int[keys.Length * 2];
        _hashes = new uint[keys.Length * 2];
        var mask = _keys.Length - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] is null)
            {
                continue;
            }

            var slot = (int)(hashes[i] & (uint)mask);
            while (_keys[slot] is not null)
            {
                slot = (slot + 1) & mask;
            }

            _keys[slot] = keys[i];
            _ids[slot] = ids[i];
            _hashes[slot] = hashes[i];
        }
    }
}

using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Nps.Data;

/// <summary>
/// Maps UTF-8 values to dense ids (1, 2, …; 0 is "no value") and one string each, made the first time the value
/// is met: a repeated dimension value costs a hash and a compare, never an allocation. Open addressing over one
/// array of entries that hold the hash, the length and the first 8 bytes of the value, so a value of up to 8 bytes
/// (most team, agent and channel names) is matched within the entry; a longer one also compares its bytes.
/// </summary>
internal sealed class Utf8Interner
{
    private readonly List<string?> _strings = [null];
    private readonly List<byte[]> _values = [[]];
    private Entry[] _entries = new Entry[64];
    private int _count;

    public int Count => _count;

    /// <summary>The string of an id (null for 0).</summary>
    public string? this[int id] => _strings[id];

    /// <summary>The value's id (made on first sight). Inlined into the per-row loop; the first sight is a call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Id(ReadOnlySpan<byte> value)
    {
        var prefix = Prefix(value);
        var hash = Hash(prefix, value);
        var entries = _entries;
        var mask = entries.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (true)
        {
            ref var entry = ref entries[slot];
            if (entry.Id == 0)
            {
                break;
            }

            if (entry.Hash == hash && entry.Prefix == prefix && entry.Length == value.Length &&
                (value.Length <= 8 || value.SequenceEqual(_values[entry.Id])))
            {
                return entry.Id;
            }

            slot = (slot + 1) & mask;
        }

        return Add(value, prefix, hash, slot);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Add(ReadOnlySpan<byte> value, ulong prefix, uint hash, int slot)
    {
        var entries = _entries;
        var id = _strings.Count;
        _strings.Add(Encoding.UTF8.GetString(value));
        _values.Add(value.ToArray());
        entries[slot] = new Entry { Hash = hash, Length = value.Length, Prefix = prefix, Id = id };
        if (++_count * 2 > entries.Length)
        {
            Grow();
        }

        return id;
    }

    /// <summary>The first 8 bytes, little-endian (zero-padded).</summary>
    private static ulong Prefix(ReadOnlySpan<byte> value)
    {
        if (value.Length >= 8)
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(value);
        }

        ulong prefix = 0;
        for (var i = 0; i < value.Length; i++)
        {
            prefix |= (ulong)value[i] << (8 * i);
        }

        return prefix;
    }

    private static uint Hash(ulong prefix, ReadOnlySpan<byte> value)
    {
        var hash = (prefix ^ (ulong)value.Length) * 0x9E3779B97F4A7C15UL;
        for (var i = 8; i + 8 <= value.Length; i += 8)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(value[i..])) * 0x9E3779B97F4A7C15UL;
        }

        if (value.Length > 8 && value.Length % 8 != 0)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(value[^8..])) * 0x9E3779B97F4A7C15UL;
        }

        return (uint)(hash >> 32);
    }

    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        var mask = _entries.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Id == 0)
            {
                continue;
            }

            var slot = (int)(entry.Hash & (uint)mask);
            while (_entries[slot].Id != 0)
            {
                slot = (slot + 1) & mask;
            }

            _entries[slot] = entry;
        }
    }

    private struct Entry
    {
        public ulong Prefix;
        public uint Hash;
        public int Length;
        public int Id;
    }
}

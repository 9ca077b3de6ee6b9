using System.Buffers.Binary;

namespace Nps.Data;

/// <summary>A 64-bit hash of an id's bytes.</summary>
internal delegate ulong IdHasher(ReadOnlySpan<byte> id);

/// <summary>
/// Remembers the ids seen, with the line each was first seen on, in one open-addressing table over parallel arrays
/// (the id's 64-bit hash, its line, where its bytes are) and an arena of the ids' bytes in 64 KiB chunks: nothing
/// allocated per id. Exact: two ids are the same only when their bytes are, so a hash collision never makes a false
/// duplicate (entries with equal hashes and different bytes sit side by side).
/// </summary>
internal sealed class IdTable(IdHasher? hasher = null)
{
    private const int ChunkSize = 1 << 16;

    private readonly IdHasher _hasher = hasher ?? Hash;
    private readonly List<byte[]> _chunks = [];
    private ulong[] _keys = new ulong[1024];
    private long[] _lines = new long[1024];
    private long[] _refs = new long[1024];
    private int _used = ChunkSize;
    private int _count;

    public int Count => _count;

    /// <summary>Adds the id; false with the line it was first seen on when it was already there.</summary>
    public bool TryAdd(ReadOnlySpan<byte> id, long line, out long firstLine)
    {
        var hash = _hasher(id);
        if (hash == 0)
        {
            hash = 1; // 0 marks an empty slot
        }

        if ((_count + 1) * 4 > _keys.Length * 3)
        {
            Grow();
        }

        var mask = _keys.Length - 1;
        var slot = (int)(Mix(hash) & (ulong)mask);
        while (true)
        {
            var key = _keys[slot];
            if (key == 0)
            {
                _keys[slot] = hash;
                _lines[slot] = line;
                _refs[slot] = Store(id);
                _count++;
                firstLine = 0;
                return true;
            }

            if (key == hash && Stored(_refs[slot]).SequenceEqual(id))
            {
                firstLine = _lines[slot];
                return false;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>
    /// A 64-bit hash of an id's bytes (stable across processes), eight bytes per step with a multiply-xorshift
    /// mix and the SplitMix64 finalizer, so both the top bits (buckets) and the low bits (slots) are well spread.
    /// </summary>
    public static ulong Hash(ReadOnlySpan<byte> id)
    {
        var hash = 0x9E3779B97F4A7C15UL ^ (ulong)id.Length;
        while (id.Length >= 8)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(id)) * 0xBF58476D1CE4E5B9UL;
            hash ^= hash >> 31;
            id = id[8..];
        }

        if (!id.IsEmpty)
        {
            ulong tail = 0;
            for (var i = 0; i < id.Length; i++)
            {
                tail |= (ulong)id[i] << (8 * i);
            }

            hash = (hash ^ tail) * 0xBF58476D1CE4E5B9UL;
            hash ^= hash >> 31;
        }

        hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9UL;
        hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBUL;
        return hash ^ (hash >> 31);
    }

    private static ulong Mix(ulong hash) => (hash ^ (hash >> 29)) * 0xBF58476D1CE4E5B9UL >> 16;

    /// <summary>Copies the id into the arena, length first; returns (chunk &lt;&lt; 32) | offset.</summary>
    private long Store(ReadOnlySpan<byte> id)
    {
        var needed = id.Length + 4;
        if (_chunks.Count == 0 || _used + needed > _chunks[^1].Length)
        {
            _chunks.Add(new byte[Math.Max(ChunkSize, needed)]);
            _used = 0;
        }

        var chunk = _chunks[^1];
        BinaryPrimitives.WriteInt32LittleEndian(chunk.AsSpan(_used), id.Length);
        id.CopyTo(chunk.AsSpan(_used + 4));
        var reference = ((long)(_chunks.Count - 1) << 32) | (uint)_used;
        _used += needed;
        return reference;
    }

    private ReadOnlySpan<byte> Stored(long reference)
    {
        var chunk = _chunks[(int)(reference >> 32)];
        var offset = (int)(uint)reference;
        return chunk.AsSpan(offset + 4, BinaryPrimitives.ReadInt32LittleEndian(chunk.AsSpan(offset)));
    }

    private void Grow()
    {
        var keys = _keys;
        var lines = _lines;
        var refs = _refs;
        _keys = new ulong[keys.Length * 2];
        _lines = new long[keys.Length * 2];
        _refs = new long[keys.Length * 2];
        var mask = _keys.Length - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] == 0)
            {
                continue;
            }

            var slot = (int)(Mix(keys[i]) & (ulong)mask);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _keys[slot] = keys[i];
            _lines[slot] = lines[i];
            _refs[slot] = refs[i];
        }
    }
}

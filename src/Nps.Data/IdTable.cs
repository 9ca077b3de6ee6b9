namespace Nps.Data;

/// <summary>
/// Remembers the ids seen (a 64-bit hash of each, not the id) with the line each was first seen on, in one
/// open-addressing table: about 24 bytes per id at most, nothing allocated per id. A false "duplicate" would need
/// a 64-bit hash collision.
/// </summary>
internal sealed class IdTable
{
    private ulong[] _keys = new ulong[1024];
    private long[] _lines = new long[1024];
    private int _count;

    public int Count => _count;

    /// <summary>Adds the id's hash; false with the first line when it was already there.</summary>
    public bool TryAdd(ulong hash, long line, out long firstLine)
    {
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
                _count++;
                firstLine = 0;
                return true;
            }

            if (key == hash)
            {
                firstLine = _lines[slot];
                return false;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Every (hash, line) pair, for merging the tables of parallel readers.</summary>
    public IEnumerable<(ulong Hash, long Line)> Entries()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != 0)
            {
                yield return (_keys[i], _lines[i]);
            }
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
            hash = (hash ^ System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(id)) * 0xBF58476D1CE4E5B9UL;
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

    private void Grow()
    {
        var keys = _keys;
        var lines = _lines;
        _keys = new ulong[keys.Length * 2];
        _lines = new long[keys.Length * 2];
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
        }
    }
}

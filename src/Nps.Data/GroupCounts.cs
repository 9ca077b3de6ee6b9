using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nps.Data;

/// <summary>
/// Counts per group: a group is a key of a fixed number of small ints (period id, dimension value ids, the
/// inclusion probability's id, the manual flag), and holds 11 rating counts. A key whose parts each fit in
/// 64 / width bits is packed into one 64-bit value and found in one open-addressing table whose 64-byte entries hold
/// the packed key and the group's counts, so a row costs one hash and one cache line. Any other key (a part too
/// large to pack) goes through a general table over the flat key store; both end in the same groups.
/// </summary>
internal sealed class GroupCounts
{
    private readonly int _width;
    private readonly int _bits;

    // The general table: every group's key, found by hash; long counts (of unpacked keys, and spilled ones).
    private int[] _slots = NewSlots(256);
    private int[] _keys;
    private long[] _counts;
    private uint[] _hashes = new uint[64];

    // The packed table: entries with a packed key, the group + 1 (0: empty), and int counts.
    private Entry[] _entries = new Entry[256];
    private int _entryShift = 64 - 8;
    private int _entryCount;
    private bool _flushed = true;

    public GroupCounts(int width)
    {
        _width = width;
        _bits = 64 / width;
        _keys = new int[64 * width];
        _counts = new long[64 * NpsDistribution.RatingCount];
    }

    public int Count { get; private set; }

    public int Width => _width;

    public ReadOnlySpan<int> Key(int group) => _keys.AsSpan(group * _width, _width);

    /// <summary>The counts of a group (after the last <see cref="Add"/>).</summary>
    public ReadOnlySpan<long> Counts(int group)
    {
        if (!_flushed)
        {
            Flush();
            _flushed = true;
        }

        return _counts.AsSpan(group * NpsDistribution.RatingCount, NpsDistribution.RatingCount);
    }

    public void Add(ReadOnlySpan<int> key, int rating)
    {
        _flushed = false;
        if (TryPack(key, out var packed))
        {
            AddPacked(packed, key, rating);
            return;
        }

        _counts[(Find(key) * NpsDistribution.RatingCount) + rating]++;
    }

    private bool TryPack(ReadOnlySpan<int> key, out ulong packed)
    {
        packed = 0;
        var limit = 1u << _bits;
        foreach (var part in key)
        {
            if ((uint)part >= limit)
            {
                return false;
            }

            packed = (packed << _bits) | (uint)part;
        }

        return true;
    }

    private void AddPacked(ulong packed, ReadOnlySpan<int> key, int rating)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        var slot = Slot(packed, _entryShift);
        while (true)
        {
            ref var entry = ref entries[slot];
            if (entry.GroupPlusOne == 0)
            {
                InsertPacked(packed, key, rating, slot);
                return;
            }

            if (entry.Key == packed)
            {
                if (++entry.Counts[rating] == int.MaxValue)
                {
                    _counts[((entry.GroupPlusOne - 1) * NpsDistribution.RatingCount) + rating] += int.MaxValue;
                    entry.Counts[rating] = 0;
                }

                return;
            }

            slot = (slot + 1) & mask;
        }
    }

    private void InsertPacked(ulong packed, ReadOnlySpan<int> key, int rating, int slot)
    {
        ref var entry = ref _entries[slot];
        entry.Key = packed;
        entry.GroupPlusOne = Find(key) + 1;
        entry.Counts[rating] = 1;
        if (++_entryCount * 10 > _entries.Length * 7)
        {
            var old = _entries;
            _entries = new Entry[old.Length * 2];
            _entryShift--;
            var mask = _entries.Length - 1;
            foreach (var moved in old)
            {
                if (moved.GroupPlusOne == 0)
                {
                    continue;
                }

                var s = Slot(moved.Key, _entryShift);
                while (_entries[s].GroupPlusOne != 0)
                {
                    s = (s + 1) & mask;
                }

                _entries[s] = moved;
            }
        }
    }

    /// <summary>Fibonacci hashing: the top bits of the product depend on every bit of the key (the period sits in its top bits).</summary>
    private static int Slot(ulong packed, int shift) => (int)((packed * 0x9E3779B97F4A7C15UL) >> shift);

    /// <summary>Moves the packed table's int counts into the long ones.</summary>
    private void Flush()
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            ref var entry = ref _entries[i];
            if (entry.GroupPlusOne == 0)
            {
                continue;
            }

            var counts = _counts.AsSpan((entry.GroupPlusOne - 1) * NpsDistribution.RatingCount, NpsDistribution.RatingCount);
            for (var r = 0; r < NpsDistribution.RatingCount; r++)
            {
                counts[r] += entry.Counts[r];
                entry.Counts[r] = 0;
            }
        }
    }

    /// <summary>The group of a key in the general table (made on first sight).</summary>
    private int Find(ReadOnlySpan<int> key)
    {
        var hash = 2166136261u;
        foreach (var part in key)
        {
            hash = (hash ^ (uint)part) * 16777619u;
        }

        hash ^= hash >> 13;
        var mask = _slots.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (true)
        {
            var group = _slots[slot];
            if (group < 0)
            {
                return Insert(key, hash, slot);
            }

            if (_hashes[group] == hash && key.SequenceEqual(_keys.AsSpan(group * _width, _width)))
            {
                return group;
            }

            slot = (slot + 1) & mask;
        }
    }

    private int Insert(ReadOnlySpan<int> key, uint hash, int slot)
    {
        var group = Count++;
        if (group == _hashes.Length)
        {
            Array.Resize(ref _hashes, group * 2);
            Array.Resize(ref _keys, group * 2 * _width);
            Array.Resize(ref _counts, group * 2 * NpsDistribution.RatingCount);
        }

        key.CopyTo(_keys.AsSpan(group * _width));
        _hashes[group] = hash;
        _slots[slot] = group;
        if (Count * 2 > _slots.Length)
        {
            var slots = NewSlots(_slots.Length * 2);
            var mask = slots.Length - 1;
            for (var g = 0; g < Count; g++)
            {
                var s = (int)(_hashes[g] & (uint)mask);
                while (slots[s] >= 0)
                {
                    s = (s + 1) & mask;
                }

                slots[s] = g;
            }

            _slots = slots;
        }

        return group;
    }

    private static int[] NewSlots(int size)
    {
        var slots = new int[size];
        slots.AsSpan().Fill(-1);
        return slots;
    }

    /// <summary>One packed group: 8 + 4 + 44 bytes, padded to a cache line's 64.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 64)]
    private struct Entry
    {
        public ulong Key;
        public int GroupPlusOne;
        public RatingCounts Counts;
    }

    [InlineArray(NpsDistribution.RatingCount)]
    private struct RatingCounts
    {
        private int _count;
    }
}

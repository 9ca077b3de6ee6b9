namespace Nps.Data;

/// <summary>
/// Counts per group: a group is a key of a fixed number of ints (period id, dimension value ids, the inclusion
/// probability's bits, the manual flag), and holds 11 rating counts. One open-addressing table over a flat key
/// store; finding a row's group is one hash and one compare.
/// </summary>
internal sealed class GroupCounts(int width)
{
    private int[] _slots = NewSlots(256);
    private int[] _keys = new int[64 * width];
    private long[] _counts = new long[64 * NpsDistribution.RatingCount];
    private uint[] _hashes = new uint[64];

    public int Count { get; private set; }

    public int Width => width;

    public ReadOnlySpan<int> Key(int group) => _keys.AsSpan(group * width, width);

    public ReadOnlySpan<long> Counts(int group) => _counts.AsSpan(group * NpsDistribution.RatingCount, NpsDistribution.RatingCount);

    public void Add(ReadOnlySpan<int> key, int rating)
    {
        var group = Find(key);
        _counts[(group * NpsDistribution.RatingCount) + rating]++;
    }

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

            if (_hashes[group] == hash && key.SequenceEqual(_keys.AsSpan(group * width, width)))
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
            Array.Resize(ref _keys, group * 2 * width);
            Array.Resize(ref _counts, group * 2 * NpsDistribution.RatingCount);
        }

        key.CopyTo(_keys.AsSpan(group * width));
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
}

namespace Nps.Data;

/// <summary>
/// The id hashes one stretch of a parallel read has seen, appended to buckets by their top bits instead of being
/// inserted into one large table as they come: an append touches a bucket's current block (a few hundred of them,
/// written in order), where an insert into a table of tens of megabytes is a cache and TLB miss per record that
/// stalls the reader. <see cref="AnyRepeat"/> then checks one bucket at a time, over every stretch, in a table
/// small enough to stay in cache. It only answers "was any id seen twice?": a read that has a repeat is read again
/// sequentially, which names the line the id was first seen on. Memory: 8 bytes per record, in blocks.
/// </summary>
internal sealed class IdHashBuckets
{
    private const int BucketBits = 8;
    private const int BlockSize = 2048;
    private const int StageSize = 8; // one cache line per bucket: the stage of all buckets stays in L1

    private readonly ulong[] _stage = new ulong[(1 << BucketBits) * StageSize];
    private readonly int[] _staged = new int[1 << BucketBits];

    private readonly List<ulong[]>[] _full = new List<ulong[]>[1 << BucketBits];
    private readonly ulong[][] _current = new ulong[1 << BucketBits][];
    private readonly int[] _fill = new int[1 << BucketBits];

    public IdHashBuckets()
    {
        for (var b = 0; b < _full.Length; b++)
        {
            _full[b] = [];
            _current[b] = [];
        }
    }

    /// <summary>Appends a hash (from <see cref="IdTable.Hash"/>) to its bucket's stage, moved to the bucket's block when full.</summary>
    public void Add(ulong hash)
    {
        var bucket = (int)(hash >> (64 - BucketBits));
        var staged = _staged[bucket];
        _stage[(bucket * StageSize) + staged] = hash;
        if (++staged < StageSize)
        {
            _staged[bucket] = staged;
            return;
        }

        _staged[bucket] = 0;
        foreach (var moved in _stage.AsSpan(bucket * StageSize, StageSize))
        {
            Append(bucket, moved);
        }
    }

    private void Append(int bucket, ulong hash)
    {
        var block = _current[bucket];
        var fill = _fill[bucket];
        if (fill == block.Length)
        {
            if (block.Length > 0)
            {
                _full[bucket].Add(block);
            }

            block = _current[bucket] = new ulong[BlockSize];
            fill = 0;
        }

        block[fill] = hash;
        _fill[bucket] = fill + 1;
    }

    /// <summary>Whether any hash was added twice, to one set of buckets or across several.</summary>
    public static bool AnyRepeat(IReadOnlyList<IdHashBuckets> stretches)
    {
        ulong[] table = [];
        for (var bucket = 0; bucket < 1 << BucketBits; bucket++)
        {
            var count = 0L;
            foreach (var stretch in stretches)
            {
                count += (stretch._full[bucket].Count * (long)BlockSize) + stretch._fill[bucket] + stretch._staged[bucket];
            }

            var size = (int)Math.Min(1 << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)Math.Max(64, count * 2)));
            if (table.Length < size)
            {
                table = new ulong[size];
            }
            else
            {
                table.AsSpan(0, size).Clear();
            }

            var mask = size - 1;
            foreach (var stretch in stretches)
            {
                foreach (var block in stretch._full[bucket])
                {
                    if (!AddAll(table, mask, block))
                    {
                        return true;
                    }
                }

                if (!AddAll(table, mask, stretch._current[bucket].AsSpan(0, stretch._fill[bucket])) ||
                    !AddAll(table, mask, stretch._stage.AsSpan(bucket * StageSize, stretch._staged[bucket])))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Adds each hash to the open-addressing table (0 marks an empty slot); false at the first repeat.</summary>
    private static bool AddAll(ulong[] table, int mask, ReadOnlySpan<ulong> hashes)
    {
        foreach (var h in hashes)
        {
            var hash = h == 0 ? 1 : h;
            var slot = (int)hash & mask; // the low bits: the top ones chose the bucket
            while (true)
            {
                var key = table[slot];
                if (key == 0)
                {
                    table[slot] = hash;
                    break;
                }

                if (key == hash)
                {
                    return false;
                }

                slot = (slot + 1) & mask;
            }
        }

        return true;
    }
}

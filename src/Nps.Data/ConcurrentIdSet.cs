namespace Nps.Data;

/// <summary>
/// A fixed-size set of 64-bit id hashes that several threads add to at once (compare-and-swap per slot). It only
/// answers "seen before?": a parallel read that meets a repeat falls back to the sequential read, which names the
/// line the id was first seen on.
/// </summary>
internal sealed class ConcurrentIdSet(int capacityPowerOfTwo)
{
    // A run of this many occupied slots means the set is too full to be fast (the size was estimated from the
    // file's start); the read then falls back to the sequential one. No shared counter: threads touch only slots.
    private const int MaxProbe = 4096;

    private readonly ulong[] _slots = new ulong[capacityPowerOfTwo];

    /// <summary>Set once the set is too full to be trusted, or a repeat was met.</summary>
    public bool GaveUp { get; private set; }

    /// <summary>Adds a hash; false when it was already there (or the set is full).</summary>
    public bool TryAdd(ulong hash)
    {
        if (hash == 0)
        {
            hash = 1;
        }

        var mask = _slots.Length - 1;
        var slot = (int)(((hash ^ (hash >> 29)) * 0xBF58476D1CE4E5B9UL >> 16) & (ulong)mask);
        for (var probe = 0; probe < MaxProbe; probe++)
        {
            var seen = Interlocked.CompareExchange(ref _slots[slot], hash, 0UL);
            if (seen == 0)
            {
                return true;
            }

            if (seen == hash)
            {
                GaveUp = true;
                return false;
            }

            slot = (slot + 1) & mask;
        }

        GaveUp = true;
        return false;
    }
}

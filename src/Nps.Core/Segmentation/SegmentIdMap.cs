namespace Nps.Segmentation;

/// <summary>
/// Maps raw segment keys (an agent id, a (team, channel) tuple, …) to dense ids 0, 1, 2, … once, at ingest, so
/// the hot path can count into flat histograms (<see cref="DenseNpsAggregator"/>) and never hashes a key per query.
/// </summary>
/// <typeparam name="TKey">The raw key type.</typeparam>
/// <remarks>Not thread-safe: map keys on the ingest thread, count on any number of threads.</remarks>
public sealed class SegmentIdMap<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _ids;
    private readonly List<TKey> _keys = [];

    /// <summary>Creates an empty map.</summary>
    /// <param name="comparer">The key comparer; the default comparer when null.</param>
    public SegmentIdMap(IEqualityComparer<TKey>? comparer = null) => _ids = new Dictionary<TKey, int>(comparer);

    /// <summary>The number of distinct keys: the segment count to give the aggregator.</summary>
    public int Count => _keys.Count;

    /// <summary>The keys in id order: <c>Keys[id]</c> is the key of that id.</summary>
    public IReadOnlyList<TKey> Keys => _keys;

    /// <summary>The id of a key, assigning the next free id to a new key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The dense id.</returns>
    public int GetOrAdd(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_ids.TryGetValue(key, out var id)) return id;
        id = _keys.Count;
        _ids.Add(key, id);
        _keys.Add(key);
        return id;
    }

    /// <summary>The id of a known key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="id">The id when the key is known.</param>
    /// <returns><see langword="false"/> when the key has no id yet.</returns>
    public bool TryGetId(TKey key, out int id) => _ids.TryGetValue(key, out id);

    /// <summary>The key of an id.</summary>
    /// <param name="id">The id, from 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The id was never assigned.</exception>
    public TKey this[int id] => (uint)id < (uint)_keys.Count
        ? _keys[id]
        : throw new ArgumentOutOfRangeException(nameof(id), id, "No key has this id.");
}

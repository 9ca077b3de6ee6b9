using System.Collections.Concurrent;

namespace Nps.FollowUp;

/// <summary>An <see cref="IFollowUpStore"/> in memory (tests, samples, a single process); thread-safe.</summary>
public sealed class InMemoryFollowUpStore : IFollowUpStore
{
    private readonly ConcurrentDictionary<string, FollowUpCase> _items = new(StringComparer.Ordinal);

    /// <summary>How many follow-ups are stored.</summary>
    public int Count => _items.Count;

    /// <summary>Removes a customer's follow-ups (erasure).</summary>
    internal int Forget(string customerId)
    {
        var removed = 0;
        foreach (var item in _items.Values.Where(f => string.Equals(f.CustomerId, customerId, StringComparison.Ordinal)).ToList())
        {
            if (_items.TryRemove(item.Id, out _)) removed++;
        }

        return removed;
    }

    /// <summary>Removes up to <paramref name="limit"/> follow-ups due before <paramref name="before"/> (retention).</summary>
    internal int ForgetDueBefore(DateTimeOffset before, int limit)
    {
        var removed = 0;
        foreach (var item in _items.Values.Where(f => f.DueAt < before).Take(limit).ToList())
        {
            if (_items.TryRemove(item.Id, out _)) removed++;
        }

        return removed;
    }

    /// <inheritdoc/>
    public ValueTask<FollowUpCase?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ValueTask.FromResult(_items.TryGetValue(id, out var found) ? found : null);
    }

    /// <inheritdoc/>
    public ValueTask<(FollowUpCase Stored, bool Added)> AddIfAbsentAsync(FollowUpCase followUp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        var stored = _items.GetOrAdd(followUp.Id, followUp);
        return ValueTask.FromResult((stored, ReferenceEquals(stored, followUp)));
    }

    /// <inheritdoc/>
    public ValueTask<bool> TryReplaceAsync(FollowUpCase current, FollowUpCase updated, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(updated);
        if (!string.Equals(current.Id, updated.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException("A follow-up cannot change its id.", nameof(updated));
        }

        return ValueTask.FromResult(_items.TryUpdate(current.Id, updated, current));
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<FollowUpCase>> ListAsync(FollowUpStatus? status = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<FollowUpCase> list = _items.Values
            .Where(f => status is null || f.Status == status)
            .OrderBy(f => f.DueAt).ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
        return ValueTask.FromResult(list);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<FollowUpCase>> ListByCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        IReadOnlyList<FollowUpCase> list = _items.Values
            .Where(f => string.Equals(f.CustomerId, customerId, StringComparison.Ordinal))
            .OrderBy(f => f.DueAt).ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
        return ValueTask.FromResult(list);
    }

    /// <inheritdoc/>
    public ValueTask<FollowUpCounts> CountAsync(FollowUpCountQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ValueTask.FromResult(FollowUpCounts.Of(_items.Values, query));
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<FollowUpCase>> ListPageAsync(FollowUpPageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ValueTask.FromResult(query.Apply(_items.Values));
    }
}

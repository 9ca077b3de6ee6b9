namespace Nps.Touchpoints;

/// <summary>
/// Which events a rule or sampling policy applies to. Every property that is set must match (ordinal
/// comparison); an empty scope matches every event.
/// </summary>
public sealed record SurveyScope
{
    /// <summary>Only events of this survey kind.</summary>
    public SurveyKind? Kind { get; init; }

    /// <summary>Only events with this touchpoint.</summary>
    public string? Touchpoint { get; init; }

    /// <summary>Only events through this channel.</summary>
    public string? Channel { get; init; }

    /// <summary>Only events handled by this team.</summary>
    public string? Team { get; init; }

    /// <summary>Only events about this product.</summary>
    public string? Product { get; init; }

    /// <summary>Only events whose free attributes have all these values.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Whether the event falls in this scope.</summary>
    /// <param name="touchpoint">The event.</param>
    /// <returns><see langword="true"/> when every set property matches.</returns>
    public bool Matches(TouchpointEvent touchpoint)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        if (Kind is { } kind && kind != touchpoint.Kind) return false;
        if (!Same(Touchpoint, touchpoint.Touchpoint) || !Same(Channel, touchpoint.Channel) ||
            !Same(Team, touchpoint.Team) || !Same(Product, touchpoint.Product))
        {
            return false;
        }

        foreach (var (key, value) in Attributes)
        {
            if (!string.Equals(touchpoint.Attribute(key), value, StringComparison.Ordinal)) return false;
        }

        return true;
    }

    /// <summary>Whether every event in <paramref name="other"/> is also in this scope (this one is as broad or broader).</summary>
    /// <param name="other">The other scope.</param>
    /// <returns><see langword="true"/> when this scope covers the other.</returns>
    public bool Covers(SurveyScope other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Kind is not null && Kind != other.Kind) return false;
        if (!Covers(Touchpoint, other.Touchpoint) || !Covers(Channel, other.Channel) ||
            !Covers(Team, other.Team) || !Covers(Product, other.Product))
        {
            return false;
        }

        foreach (var (key, value) in Attributes)
        {
            if (!other.Attributes.TryGetValue(key, out var otherValue) || !string.Equals(value, otherValue, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A short, stable description, e.g. <c>kind=Transactional, channel=phone</c> or <c>all events</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Kind is { } kind) parts.Add("kind=" + kind);
        if (Touchpoint is not null) parts.Add("touchpoint=" + Touchpoint);
        if (Channel is not null) parts.Add("channel=" + Channel);
        if (Team is not null) parts.Add("team=" + Team);
        if (Product is not null) parts.Add("product=" + Product);
        foreach (var (key, value) in Attributes.OrderBy(a => a.Key, StringComparer.Ordinal)) parts.Add(key + "=" + value);
        return parts.Count == 0 ? "all events" : string.Join(", ", parts);
    }

    // A copy whose attributes the caller cannot change through a dictionary it still holds.
    internal SurveyScope Snapshot() => this with { Attributes = new Dictionary<string, string>(Attributes, StringComparer.Ordinal) };

    private static bool Same(string? wanted, string? actual) => wanted is null || string.Equals(wanted, actual, StringComparison.Ordinal);

    private static bool Covers(string? mine, string? theirs) => mine is null || string.Equals(mine, theirs, StringComparison.Ordinal);
}

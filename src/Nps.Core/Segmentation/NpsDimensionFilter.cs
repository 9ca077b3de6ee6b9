namespace Nps.Segmentation;

/// <summary>
/// Which responses an <see cref="NpsCountQuery"/> counts by one of its dimensions: only those whose value of
/// <see cref="Dimension"/> is one of <see cref="Values"/>, compared exactly (ordinal, as stored), so a store can
/// skip the other values' rows instead of counting and returning them.
/// </summary>
/// <remarks>
/// The dimension is read as the query reads it (<see cref="SurveyResponse.GetDimension(string)"/>: built-in names
/// case-insensitive, free attributes by exact name) and must be one of the query's <see cref="NpsCountQuery.Dimensions"/>.
/// A response without the dimension (null) never matches. A caller that matches ignoring case names every stored
/// spelling it wants, as the counts of an unfiltered query name them.
/// </remarks>
public sealed record NpsDimensionFilter
{
    /// <summary>Keeps the responses whose <paramref name="dimension"/> value is one of <paramref name="values"/>.</summary>
    /// <param name="dimension">The dimension, one of the query's dimensions.</param>
    /// <param name="values">The values kept, compared ordinally; at least one, none null.</param>
    /// <exception cref="ArgumentException">
    /// The dimension is null or empty, or the values are null, empty, hold a null or a text no store keeps (U+0000, a lone surrogate).
    /// </exception>
    public NpsDimensionFilter(string dimension, IReadOnlyList<string> values)
    {
        ArgumentException.ThrowIfNullOrEmpty(dimension);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException($"A filter on dimension '{dimension}' needs at least one value.", nameof(values));
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value) throw new ArgumentException($"Value {i} of the filter on dimension '{dimension}' is null; a filter names values, not their absence.", nameof(values));
            if (TextProblem(value) is { } problem) throw new ArgumentException($"Value {i} of the filter on dimension '{dimension}' {problem}; no stored value can hold it.", nameof(values));
            set.Add(value);
        }

        Dimension = dimension;
        Values = [.. set.Order(StringComparer.Ordinal)];
        _set = set;
    }

    private readonly HashSet<string> _set;

    /// <summary>The dimension filtered on.</summary>
    public string Dimension { get; }

    /// <summary>The values kept, distinct, in ordinal order.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Whether a response with this value of <see cref="Dimension"/> is counted.</summary>
    /// <param name="value">The value, or null when the response has none.</param>
    /// <returns><see langword="true"/> when the value is one of <see cref="Values"/>.</returns>
    public bool Matches(string? value) => value is not null && _set.Contains(value);

    /// <summary>The position of <see cref="Dimension"/> among a query's dimensions, read as the query reads them, or -1.</summary>
    /// <param name="dimensions">The query's dimensions.</param>
    /// <returns>The index, or -1 when the query does not group by it.</returns>
    public int IndexIn(IReadOnlyList<string> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var builtIn = NpsCountQuery.BuiltInDimension(Dimension);
        for (var i = 0; i < dimensions.Count; i++)
        {
            if (dimensions[i] is not { } name) continue;
            if (builtIn is not null ? NpsCountQuery.BuiltInDimension(name) == builtIn : string.Equals(name, Dimension, StringComparison.Ordinal)) return i;
        }

        return -1;
    }

    /// <summary>Whether another filter keeps the same values of the same dimension (as named).</summary>
    /// <param name="other">The other filter.</param>
    /// <returns><see langword="true"/> when both keep the same responses.</returns>
    public bool Equals(NpsDimensionFilter? other) =>
        other is not null && string.Equals(Dimension, other.Dimension, StringComparison.Ordinal) && Values.SequenceEqual(other.Values, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Dimension, StringComparer.Ordinal);
        foreach (var value in Values) hash.Add(value, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    /// <summary>Why no store keeps a text (the stores refuse U+0000 and lone surrogates at intake), or null.</summary>
    private static string? TextProblem(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0') return $"contains U+0000 at position {i}";
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(c)) return $"contains a lone surrogate at position {i}";
        }

        return null;
    }
}

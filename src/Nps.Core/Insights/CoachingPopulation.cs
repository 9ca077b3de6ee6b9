using Nps.Segmentation;

namespace Nps.Insights;

/// <summary>
/// The cells of one detection run by value and period, with each period's robust peer reference: the sum of the
/// values inside Tukey's fences of that period's scores (<see cref="PeerFences"/>), from which the value under test
/// is taken out (leave one out).
/// </summary>
internal sealed class CoachingPopulation
{
    private readonly Dictionary<string, SortedDictionary<TimeBucket, CoachingCell>> _byValue = new(StringComparer.Ordinal);
    private readonly Dictionary<TimeBucket, (CoachingCell Included, HashSet<string> Outliers)> _peers = [];

    public CoachingPopulation(Dictionary<(string Value, TimeBucket Period), CoachingCell> cells, bool weighted, int minimumCount)
    {
        Weighted = weighted;
        foreach (var ((value, period), cell) in cells)
        {
            if (!_byValue.TryGetValue(value, out var series)) _byValue[value] = series = [];
            series[period] = cell;
        }

        Values = [.. _byValue.Keys.Order(StringComparer.Ordinal)];
        // One pass groups the cells by period, each period's in the dictionary's order (what the sums add up in).
        var byPeriod = new Dictionary<TimeBucket, List<KeyValuePair<(string Value, TimeBucket Period), CoachingCell>>>();
        foreach (var entry in cells)
        {
            if (!byPeriod.TryGetValue(entry.Key.Period, out var list)) byPeriod[entry.Key.Period] = list = [];
            list.Add(entry);
        }

        foreach (var (period, inPeriod) in byPeriod)
        {
            var outliers = PeerFences.Outliers(inPeriod.Where(c => c.Value.Count >= minimumCount)
                .Select(c => (c.Key.Value, c.Value.Score(weighted).Score)));
            _peers[period] = (CoachingCell.Sum(inPeriod.Where(c => !outliers.Contains(c.Key.Value)).Select(c => c.Value)), outliers);
        }

        Periods = [.. _peers.Keys.Order()];
    }

    /// <summary>The peers' cell of one period less the value, reused by <see cref="Against"/> (read there only).</summary>
    private readonly CoachingCell _reference = new();

    public bool Weighted { get; }

    /// <summary>Every value, in ordinal order.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Every period with data, in order.</summary>
    public IReadOnlyList<TimeBucket> Periods { get; }

    public TimeBucket FirstPeriod(string value) => _byValue[value].Keys.First();

    public List<string> PeriodsOf(string value) => [.. _byValue[value].Keys.Select(p => p.Label)];

    public CoachingCell Total(string value) => CoachingCell.Sum(_byValue[value].Values);

    public CoachingCell Total(string value, IReadOnlyCollection<string> periodLabels) =>
        CoachingCell.Sum(_byValue[value].Where(p => periodLabels.Contains(p.Key.Label)).Select(p => p.Value));

    /// <summary>
    /// The value's periods that pass the filter, each with the value's cell, its peers' estimate in that period, and the
    /// variance of the gap (value − peers) if the value were like its peers: the peers' per-response variance at the
    /// value's size, plus the peers' own variance.
    /// </summary>
    public List<(TimeBucket Period, CoachingCell Cell, ScoreEstimate Reference, double NullVariance)> Against(string value, Func<TimeBucket, bool> include)
    {
        var rows = new List<(TimeBucket, CoachingCell, ScoreEstimate, double)>();
        foreach (var (period, cell) in _byValue[value])
        {
            if (cell.Count == 0 || !include(period)) continue;
            var (included, outliers) = _peers[period];
            _reference.Set(included);
            var reference = _reference;
            if (!outliers.Contains(value)) reference.Add(cell, -1);
            var estimate = reference.Score(Weighted);
            if (reference.Count < 2 || !double.IsFinite(estimate.Variance)) continue;
            rows.Add((period, cell, estimate, reference.ResponseVariance(Weighted) * cell.SizeFactor(Weighted) + estimate.Variance));
        }

        return rows;
    }
}

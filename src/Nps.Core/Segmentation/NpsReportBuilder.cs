using System.Globalization;
using System.Runtime.InteropServices;

namespace Nps.Segmentation;

/// <summary>
/// Builds an <see cref="NpsReport"/> by streaming: <see cref="Add(SurveyResponse)"/> one response at a time (from
/// a list, a database reader or a file read row by row), then <see cref="Build"/>. Memory is proportional to the
/// number of cells, not the number of responses.
/// </summary>
/// <remarks>
/// <para>How a row finds its cell without allocating: each dimension value (and the period) is interned to a
/// small integer once; the cell is then found by a chain of lookups keyed by (parent node, value id) packed into
/// one <see cref="long"/>. Each cell holds 11 counts, a weighted accumulator, a manual-send count and an unsolicited count.</para>
/// <para>Not thread-safe: use one builder per thread and feed each its own rows, or feed one from one reader.</para>
/// </remarks>
public sealed class NpsReportBuilder
{
    private const int Ratings = NpsDistribution.RatingCount;

    private readonly NpsReportOptions _options;
    private readonly string[] _dimensions;
    private readonly Func<SurveyResponse, string?>[] _readers;
    private readonly string?[] _valueBuffer;
    private readonly Dictionary<string, int>[] _valueIds;
    private readonly List<string>[] _values;
    private readonly string?[] _lastValues;
    private readonly int[] _lastIds;
    private readonly Dictionary<TimeBucket, int> _periodIds = [];
    private readonly List<TimeBucket> _periods = [];
    private readonly Dictionary<long, int> _nodes = [];
    private readonly List<long> _nodeKeys = [0]; // node id → (parent, value id) key that created it; node 0 is the root
    private readonly int _levels;

    private long[] _counts = new long[16 * Ratings];
    private CellState[] _cells = new CellState[16];
    private int[][] _paths = new int[16][];
    private int _cellCount;
    private CellState _overall;
    private long[] _overallCounts = new long[Ratings];
    private int _nextNode = 1;
    private DateOnly _lastDate = DateOnly.MinValue;
    private int _lastPeriodId = -1;
    private readonly int[] _rowPath;
    private readonly int[] _lastPath;
    private int _lastCell = -1;

    /// <summary>Creates a builder.</summary>
    /// <param name="options">What to group by and how to state uncertainty.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message names the option).</exception>
    public NpsReportBuilder(NpsReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionsValidation.ThrowIfInvalid(options, nameof(options));
        _options = options;
        _dimensions = [.. options.Dimensions];
        _readers = Array.ConvertAll(_dimensions, DimensionReader);
        _valueBuffer = new string?[_dimensions.Length];
        _valueIds = new Dictionary<string, int>[_dimensions.Length];
        _values = new List<string>[_dimensions.Length];
        _lastValues = new string?[_dimensions.Length];
        _lastIds = new int[_dimensions.Length];
        for (var d = 0; d < _dimensions.Length; d++)
        {
            _valueIds[d] = new Dictionary<string, int>(StringComparer.Ordinal);
            _values[d] = [NpsReportCell.MissingValue]; // id 0: the response has no value for this dimension
        }

        _levels = _dimensions.Length + (options.Period is null ? 0 : 1);
        _rowPath = new int[_levels];
        _lastPath = new int[_levels];
        _overall = CellState.Empty;
    }

    /// <summary>The options.</summary>
    public NpsReportOptions Options => _options;

    /// <summary>The number of segment cells so far.</summary>
    public int CellCount => _cellCount;

    /// <summary>Adds one response.</summary>
    /// <param name="response">The response.</param>
    public void Add(SurveyResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        for (var d = 0; d < _readers.Length; d++) _valueBuffer[d] = _readers[d](response);
        AddCore(response.RespondedAt, response.Rating.Value, _valueBuffer, response.InclusionProbability, response.IsManual, 1, response.IsUnsolicited);
    }

    /// <summary>Adds many responses.</summary>
    /// <param name="responses">The responses.</param>
    public void AddRange(IEnumerable<SurveyResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        foreach (var response in responses) Add(response);
    }

    /// <summary>
    /// Adds one response given by its fields, for readers that do not build a <see cref="SurveyResponse"/> per row.
    /// </summary>
    /// <param name="respondedAt">When it was answered.</param>
    /// <param name="rating">The rating.</param>
    /// <param name="dimensionValues">The values of the options' dimensions, in their order; null for a missing value.</param>
    /// <param name="inclusionProbability">The inclusion probability in (0, 1]; 1 by default.</param>
    /// <param name="isManual">Whether it answers a manual send.</param>
    /// <exception cref="ArgumentException">The number of values differs from the number of dimensions, or the probability is out of range.</exception>
    public void Add(DateTimeOffset respondedAt, NpsRating rating, ReadOnlySpan<string?> dimensionValues, double inclusionProbability = 1, bool isManual = false)
    {
        if (dimensionValues.Length != _dimensions.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Expected {_dimensions.Length} dimension values; got {dimensionValues.Length}."), nameof(dimensionValues));
        }

        if (!(inclusionProbability > 0 && inclusionProbability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(inclusionProbability), inclusionProbability, "An inclusion probability must be in (0, 1].");
        }

        AddCore(respondedAt, rating.Value, dimensionValues, inclusionProbability, isManual, 1);
    }

    /// <summary>
    /// Adds <paramref name="count"/> responses that share every field, for readers that count before they build
    /// (partitions, threads, a store's <c>GROUP BY</c>): the same as calling the row overload that many times.
    /// </summary>
    /// <param name="respondedAt">When they were answered (any instant in the period is enough).</param>
    /// <param name="rating">The rating.</param>
    /// <param name="dimensionValues">The values of the options' dimensions, in their order; null for a missing value.</param>
    /// <param name="inclusionProbability">The inclusion probability in (0, 1].</param>
    /// <param name="isManual">Whether they answer manual sends.</param>
    /// <param name="count">How many responses; 0 adds nothing.</param>
    /// <exception cref="ArgumentException">The number of values differs from the number of dimensions, the probability is out of range, or the count is negative.</exception>
    public void Add(DateTimeOffset respondedAt, NpsRating rating, ReadOnlySpan<string?> dimensionValues, double inclusionProbability, bool isManual, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (dimensionValues.Length != _dimensions.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Expected {_dimensions.Length} dimension values; got {dimensionValues.Length}."), nameof(dimensionValues));
        }

        if (!(inclusionProbability > 0 && inclusionProbability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(inclusionProbability), inclusionProbability, "An inclusion probability must be in (0, 1].");
        }

        if (count > 0) AddCore(respondedAt, rating.Value, dimensionValues, inclusionProbability, isManual, count);
    }

    /// <summary>
    /// Adds a group of responses counted elsewhere (a store's <c>GROUP BY</c>, see <see cref="INpsCountSource"/>):
    /// the same as adding each of them, without reading them.
    /// </summary>
    /// <param name="row">The counted group; its period must be of the options' kind (null when the options have none).</param>
    /// <exception cref="ArgumentException">The row does not fit the options, or its count, sums or probabilities are out of range.</exception>
    public void Add(in NpsCountRow row)
    {
        ArgumentNullException.ThrowIfNull(row.DimensionValues, nameof(row));
        if (row.DimensionValues.Count != _dimensions.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Expected {_dimensions.Length} dimension values; got {row.DimensionValues.Count}."), nameof(row));
        }

        if (row.Period?.Period != _options.Period)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The row's period ({row.Period?.Label ?? "none"}) is not of the report's kind ({_options.Period?.ToString() ?? "none"})."), nameof(row));
        }

        if (row.Count < 1) throw new ArgumentOutOfRangeException(nameof(row), row.Count, "A counted group holds at least one response.");
        if (!(row.MinInclusionProbability > 0 && row.MinInclusionProbability <= row.MaxInclusionProbability && row.MaxInclusionProbability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(row), row.MinInclusionProbability, "Inclusion probabilities must be in (0, 1], the smallest first.");
        }

        if (!(row.WeightSum >= row.Count && double.IsFinite(row.WeightSum) && row.SquaredWeightSum > 0 && double.IsFinite(row.SquaredWeightSum)))
        {
            throw new ArgumentOutOfRangeException(nameof(row), row.WeightSum, "Weight sums must be finite and at least the count.");
        }

        var values = _valueBuffer;
        for (var d = 0; d < values.Length; d++) values[d] = row.DimensionValues[d];
        var periodId = row.Period is { } bucket ? PeriodId(bucket) : -1;
        AddCounted(periodId, row.Rating.Value, values, new Group(row.Count, row.WeightSum, row.SquaredWeightSum,
            row.MinInclusionProbability, row.MaxInclusionProbability, row.IsManual, row.IsUnsolicited));
    }

    /// <summary>
    /// Resolves a dimension name once, as <see cref="SurveyResponse.GetDimension(string)"/> does per call, so the
    /// per-row path neither allocates nor compares names.
    /// </summary>
    private static Func<SurveyResponse, string?> DimensionReader(string name) => name.ToUpperInvariant() switch
    {
        "TEAM" => static r => r.Team,
        "AGENT" => static r => r.Agent,
        "CHANNEL" => static r => r.Channel,
        "PRODUCT" => static r => r.Product,
        "TOUCHPOINT" => static r => r.Touchpoint,
        "SURVEY_KIND" or "KIND" => static r => r.Kind == SurveyKind.Relational ? "relational" : "transactional",
        _ => r => r.Attributes.TryGetValue(name, out var value) ? value : null,
    };

    private void AddCore(DateTimeOffset respondedAt, int rating, ReadOnlySpan<string?> values, double probability, bool isManual, long count, bool isUnsolicited = false)
    {
        var periodId = _options.Period is { } period ? PeriodId(respondedAt, period) : -1;
        var weight = 1 / probability;
        AddCounted(periodId, rating, values, new Group(count, count * weight, count * weight * weight, probability, probability, isManual, isUnsolicited));
    }

    private void AddCounted(int periodId, int rating, ReadOnlySpan<string?> values, in Group group)
    {
        var counted = (!group.IsManual || _options.IncludeManual) && (!group.IsUnsolicited || _options.IncludeUnsolicited);
        if (counted) _overallCounts[rating] += group.Count;
        _overall.Record(rating, group, counted);
        if (_levels == 0) return;

        var cell = CellOf(periodId, values);
        if (counted) _counts[cell * Ratings + rating] += group.Count;
        _cells[cell].Record(rating, group, counted);
    }

    /// <summary>
    /// The cell of a row's path (period id, then value ids): the last row's cell when the path repeats, as it does
    /// for the rows of one cell with other ratings that a <c>GROUP BY</c> returns together; otherwise found (or made)
    /// by walking the nodes.
    /// </summary>
    private int CellOf(int periodId, ReadOnlySpan<string?> values)
    {
        var path = _rowPath;
        var level = 0;
        if (periodId >= 0) path[level++] = periodId;
        for (var d = 0; d < values.Length; d++) path[level++] = ValueId(d, values[d]);
        if (_lastCell >= 0 && path.AsSpan().SequenceEqual(_lastPath)) return _lastCell;

        var node = 0;
        for (var l = 0; l < _levels - 1; l++) node = Step(node, path[l]);
        var cell = LeafCell(node, path[^1]);
        path.CopyTo(_lastPath, 0);
        _lastCell = cell;
        return cell;
    }

    private int PeriodId(DateTimeOffset respondedAt, Period period)
    {
        var date = TimeBucket.LocalDate(respondedAt, _options.TimeZone);
        if (date == _lastDate && _lastPeriodId >= 0) return _lastPeriodId; // rows often come in time order
        var id = PeriodId(TimeBucket.Containing(date, period));
        _lastDate = date;
        _lastPeriodId = id;
        return id;
    }

    private int PeriodId(TimeBucket bucket)
    {
        if (!_periodIds.TryGetValue(bucket, out var id))
        {
            id = _periods.Count;
            _periodIds.Add(bucket, id);
            _periods.Add(bucket);
        }

        return id;
    }

    private int ValueId(int dimension, string? value)
    {
        if (value is null) return 0;

        // Rows from a GROUP BY or a sorted file repeat a value in runs: one string comparison instead of a hash.
        if (_lastIds[dimension] > 0 && string.Equals(_lastValues[dimension], value, StringComparison.Ordinal)) return _lastIds[dimension];
        var id = ValueIdOf(dimension, value);
        _lastValues[dimension] = value;
        _lastIds[dimension] = id;
        return id;
    }

    private int ValueIdOf(int dimension, string value)
    {
        var ids = _valueIds[dimension];
        if (ids.TryGetValue(value, out var id)) return id;
        id = _values[dimension].Count;
        ids.Add(value, id);
        _values[dimension].Add(value);
        return id;
    }

    private static long Key(int node, int valueId) => ((long)node << 32) | (uint)valueId;

    private int Step(int node, int valueId)
    {
        var key = Key(node, valueId);
        if (_nodes.TryGetValue(key, out var next)) return next;
        next = _nextNode++;
        _nodes.Add(key, next);
        _nodeKeys.Add(key);
        return next;
    }

    // Leaves live in the same map as inner nodes, with the cell index stored as −(index + 1) to tell them apart.
    private int LeafCell(int node, int valueId)
    {
        var key = Key(node, valueId);
        if (_nodes.TryGetValue(key, out var leaf)) return -leaf - 1;
        var cell = _cellCount++;
        if (cell == _cells.Length)
        {
            Array.Resize(ref _cells, cell * 2);
            Array.Resize(ref _counts, cell * 2 * Ratings);
            Array.Resize(ref _paths, cell * 2);
        }

        _cells[cell] = CellState.Empty;
        _paths[cell] = PathOf(node, valueId);
        _nodes.Add(key, -cell - 1);
        return cell;
    }

    private int[] PathOf(int node, int leafValueId)
    {
        var path = new int[_levels];
        path[_levels - 1] = leafValueId;
        var current = node;
        for (var level = _levels - 2; level >= 0; level--)
        {
            var key = _nodeKeys[current];
            path[level] = (int)(key & 0xFFFF_FFFF);
            current = (int)(key >> 32);
        }

        return path;
    }

    private bool TryFindCell(ReadOnlySpan<int> path, out int cell)
    {
        var node = 0;
        for (var level = 0; level < path.Length - 1; level++)
        {
            if (!_nodes.TryGetValue(Key(node, path[level]), out node) || node < 0)
            {
                cell = -1;
                return false;
            }
        }

        if (_nodes.TryGetValue(Key(node, path[^1]), out var leaf) && leaf < 0)
        {
            cell = -leaf - 1;
            return true;
        }

        cell = -1;
        return false;
    }

    /// <summary>Computes the report from what was added so far (the builder can keep accumulating afterwards).</summary>
    /// <returns>The report.</returns>
    /// <remarks>
    /// Work and allocation are linear in the cells (plus the sorts): one shared name array and one small value array
    /// per cell instead of a hash table each, each period's label formatted once, and cells ordered by integer ranks
    /// of their periods and values rather than by comparing strings through their dimension maps.
    /// </remarks>
    public NpsReport Build()
    {
        var hasPeriod = _options.Period is not null;
        var offset = hasPeriod ? 1 : 0;
        var overallDistribution = NpsDistribution.FromCounts(_overallCounts);
        var overall = new NpsReportCell(CellDimensions.None, null, overallDistribution, _overall.Manual, _overall.Unsolicited, _overall.Weighted(), _options);

        // Names in the order the cells list them: the period first, then the dimensions.
        var names = new string[_levels];
        if (hasPeriod) names[0] = NpsReportCell.PeriodDimension;
        _dimensions.CopyTo(names, offset);
        var labels = new string[_periods.Count];
        for (var p = 0; p < labels.Length; p++) labels[p] = _periods[p].Label;

        var cells = new NpsReportCell[_cellCount];
        for (var c = 0; c < _cellCount; c++)
        {
            var path = _paths[c];
            var values = new string[_levels];
            TimeBucket? period = null;
            if (hasPeriod)
            {
                period = _periods[path[0]];
                values[0] = labels[path[0]];
            }

            for (var d = 0; d < _dimensions.Length; d++) values[d + offset] = _values[d][path[d + offset]];
            var distribution = NpsDistribution.FromCounts(_counts.AsSpan(c * Ratings, Ratings));
            cells[c] = new NpsReportCell(new CellDimensions(names, values), period, distribution, _cells[c].Manual, _cells[c].Unsolicited, _cells[c].Weighted(), _options);
        }

        // Per-period totals, for "rest of the population in the same period" and the overall trend.
        var periodTotals = new NpsReportCell[hasPeriod ? _periods.Count : 0];
        var periodAccumulators = new WeightedNpsAccumulator[periodTotals.Length];
        if (hasPeriod)
        {
            var totals = new NpsDistribution[_periods.Count];
            var manual = new long[_periods.Count];
            var unsolicited = new long[_periods.Count];
            var weighted = new WeightedState[_periods.Count];
            for (var c = 0; c < _cellCount; c++)
            {
                var p = _paths[c][0];
                totals[p] += cells[c].Distribution;
                manual[p] += _cells[c].Manual;
                unsolicited[p] += _cells[c].Unsolicited;
                weighted[p].Add(_cells[c]);
                periodAccumulators[p].Add(in _cells[c].Accumulator);
            }

            string[] periodName = [NpsReportCell.PeriodDimension];
            for (var p = 0; p < _periods.Count; p++)
            {
                periodTotals[p] = new NpsReportCell(new CellDimensions(periodName, [labels[p]]), _periods[p], totals[p], manual[p], unsolicited[p], weighted[p].Estimate(), _options);
            }
        }

        var minimum = _options.MinimumCount;
        var level = _options.Level;

        // When inclusion probabilities differ, every comparison is between weighted estimates (linearised variance);
        // otherwise the exact unweighted test. One rule for the whole report, so its tests are alike.
        var weightedTests = _overall.ProbabilitiesDiffer;

        // Each test goes on its cell at once; only the cell, its kind and the p-value are listed for the adjustment.
        var tested = new List<(NpsReportCell Cell, bool VersusRest)>();
        var pValues = new List<double>();
        void Record(NpsReportCell cell, bool versusRest, NpsComparison comparison)
        {
            // A weighted side of one response has no variance estimate: no test (as below the minimum), and no NaN
            // among the p-values the adjustment ranks.
            if (double.IsNaN(comparison.PValue)) return;
            var test = new SignificanceTest(comparison, double.NaN, level) { IsWeighted = weightedTests };
            if (versusRest) cell.VersusRest = test;
            else cell.VersusPrevious = test;
            tested.Add((cell, versusRest));
            pValues.Add(comparison.PValue);
        }

        // Each segment against the rest (total − segment) of its period, or of everything.
        if (_dimensions.Length > 0)
        {
            for (var c = 0; c < _cellCount; c++)
            {
                var population = hasPeriod ? periodTotals[_paths[c][0]].Distribution : overallDistribution;
                var rest = population.Subtract(cells[c].Distribution);
                if (cells[c].Count < minimum || rest.Count < minimum) continue;
                if (weightedTests)
                {
                    var restAccumulator = hasPeriod ? periodAccumulators[_paths[c][0]] : _overall.Accumulator;
                    restAccumulator.Subtract(in _cells[c].Accumulator);
                    Record(cells[c], true, WeightedNpsEstimate.Compare(_cells[c].Accumulator.ToEstimate(), restAccumulator.ToEstimate(), level));
                }
                else
                {
                    Record(cells[c], true, NpsDistribution.Compare(cells[c].Distribution, rest, level));
                }
            }
        }

        // Each period against the previous one: per segment, and for the period totals.
        if (hasPeriod)
        {
            Span<int> previousPath = stackalloc int[_levels];
            for (var c = 0; c < _cellCount; c++)
            {
                if (cells[c].Count < minimum) continue;
                var previousBucket = _periods[_paths[c][0]].Previous;
                if (!_periodIds.TryGetValue(previousBucket, out var previousId)) continue;
                _paths[c].CopyTo(previousPath);
                previousPath[0] = previousId;
                if (TryFindCell(previousPath, out var previous) && cells[previous].Count >= minimum)
                {
                    Record(cells[c], false, weightedTests
                        ? WeightedNpsEstimate.Compare(_cells[c].Accumulator.ToEstimate(), _cells[previous].Accumulator.ToEstimate(), level)
                        : NpsDistribution.Compare(cells[c].Distribution, cells[previous].Distribution, level));
                }
            }

            if (_dimensions.Length > 0)
            {
                for (var p = 0; p < periodTotals.Length; p++)
                {
                    if (periodTotals[p].Count < minimum) continue;
                    if (_periodIds.TryGetValue(_periods[p].Previous, out var previousId) && periodTotals[previousId].Count >= minimum)
                    {
                        Record(periodTotals[p], false, weightedTests
                            ? WeightedNpsEstimate.Compare(periodAccumulators[p].ToEstimate(), periodAccumulators[previousId].ToEstimate(), level)
                            : NpsDistribution.Compare(periodTotals[p].Distribution, periodTotals[previousId].Distribution, level));
                    }
                }
            }
        }

        var adjusted = BenjaminiHochberg.Adjust(CollectionsMarshal.AsSpan(pValues));
        for (var t = 0; t < tested.Count; t++)
        {
            var (cell, versusRest) = tested[t];
            if (versusRest) cell.VersusRest = cell.VersusRest!.Value with { AdjustedPValue = adjusted[t] };
            else cell.VersusPrevious = cell.VersusPrevious!.Value with { AdjustedPValue = adjusted[t] };
        }

        if (hasPeriod && _periods.Count > 0)
        {
            MarkChanges(cells, periodTotals, periodAccumulators, weightedTests);
        }

        var ranks = Ranks();
        var byPeriod = CellOrder(ranks, periodFirst: true, null);
        var byDimensions = hasPeriod && _dimensions.Length > 0 ? CellOrder(ranks, periodFirst: false, byPeriod) : byPeriod;
        var orderedTotals = periodTotals.OrderBy(t => t.Period).ToArray();
        return new NpsReport(_options, overall, Arrange(cells, byPeriod), Arrange(cells, byDimensions), orderedTotals, tested.Count);
    }

    // Each segment's periods (and the totals') as one series, watched for a lasting change from its usual level; the
    // mark goes on the cell of the period that signalled it. When inclusion probabilities differ the series are the
    // weighted estimates with their linearised variance, as the report's other tests are.
    private void MarkChanges(NpsReportCell[] cells, NpsReportCell[] periodTotals, WeightedNpsAccumulator[] periodAccumulators, bool weighted)
    {
        var first = _periods.Min();
        var last = _periods.Max();
        var perYear = Cusum.PeriodsPerYear(first.Period);
        var series = new Dictionary<string, Dictionary<TimeBucket, (NpsReportCell Cell, WeightedNpsAccumulator Sums)>>(StringComparer.Ordinal);
        for (var c = 0; c < _cellCount; c++)
        {
            var key = string.Join('\u001f', _paths[c].Skip(1));
            if (!series.TryGetValue(key, out var byPeriod)) series[key] = byPeriod = [];
            byPeriod[_periods[_paths[c][0]]] = (cells[c], _cells[c].Accumulator);
        }

        if (_dimensions.Length > 0)
        {
            var totals = new Dictionary<TimeBucket, (NpsReportCell, WeightedNpsAccumulator)>();
            for (var p = 0; p < periodTotals.Length; p++) totals[periodTotals[p].Period!.Value] = (periodTotals[p], periodAccumulators[p]);
            series["\u001e"] = totals;
        }

        foreach (var byPeriod in series.Values)
        {
            var counts = new List<(string Label, NpsCategoryCounts Counts)>();
            var sums = new List<(string Label, WeightedNpsAccumulator Sums)>();
            var owners = new List<NpsReportCell?>();
            for (var period = first; period <= last; period = period.Next)
            {
                var found = byPeriod.TryGetValue(period, out var point);
                if (weighted) sums.Add((period.Label, found ? point.Sums : default));
                else counts.Add((period.Label, found ? point.Cell.Distribution.Categories : default));
                owners.Add(found ? point.Cell : null);
            }

            var marks = weighted
                ? LevelChangeMonitor.Marks(sums, perYear, _options.YearsPerFalseChangeMark, _options.MinimumCount)
                : LevelChangeMonitor.Marks(counts, perYear, _options.YearsPerFalseChangeMark, _options.MinimumCount);
            foreach (var (index, mark) in marks)
            {
                owners[index]!.Change = mark;
            }
        }
    }

    private static NpsReportCell[] Arrange(NpsReportCell[] cells, int[] order)
    {
        var arranged = new NpsReportCell[order.Length];
        for (var i = 0; i < order.Length; i++) arranged[i] = cells[order[i]];
        return arranged;
    }

    /// <summary>
    /// The cells' indices in report order: by period, then dimension values (ordinal) in the options' order; or, with
    /// <paramref name="periodFirst"/> false, by dimension values, then period, ties kept in the order of
    /// <paramref name="tieOrder"/> (the document's order, as a stable sort of the report's order would give).
    /// </summary>
    private int[] CellOrder(int[][] ranks, bool periodFirst, int[]? tieOrder)
    {
        var hasPeriod = _options.Period is not null;

        // Each cell's ranks in comparison order, flat: cell c's key is keys[c * levels .. (c + 1) * levels).
        var levels = _levels;
        var keys = new int[_cellCount * levels];
        for (var c = 0; c < _cellCount; c++)
        {
            var path = _paths[c];
            for (var l = 0; l < levels; l++)
            {
                var source = periodFirst || !hasPeriod ? l : (l + 1) % levels; // dimensions first, the period last
                keys[c * levels + l] = ranks[source][path[source]];
            }
        }

        var tie = new int[_cellCount];
        for (var i = 0; i < _cellCount; i++) tie[tieOrder?[i] ?? i] = i;
        var order = new int[_cellCount];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            var byKey = keys.AsSpan(a * levels, levels).SequenceCompareTo(keys.AsSpan(b * levels, levels));
            return byKey != 0 ? byKey : tie[a].CompareTo(tie[b]);
        });
        return order;
    }

    /// <summary>Per level of the cell paths (the period first, when grouped by time), the rank of each id: its place in time or ordinal order.</summary>
    private int[][] Ranks()
    {
        var hasPeriod = _options.Period is not null;
        var ranks = new int[_levels][];
        if (hasPeriod) ranks[0] = Ranks(_periods.Count, (a, b) => _periods[a].CompareTo(_periods[b]));
        for (var d = 0; d < _dimensions.Length; d++)
        {
            var values = _values[d];
            ranks[d + (hasPeriod ? 1 : 0)] = Ranks(values.Count, (a, b) => string.CompareOrdinal(values[a], values[b]));
        }

        return ranks;
    }

    /// <summary>The rank of each id 0..count−1 under the comparison, equal ids sharing a rank.</summary>
    private static int[] Ranks(int count, Comparison<int> compare)
    {
        var ids = new int[count];
        for (var i = 0; i < count; i++) ids[i] = i;
        Array.Sort(ids, compare);
        var ranks = new int[count];
        for (var i = 0; i < count; i++) ranks[ids[i]] = i > 0 && compare(ids[i - 1], ids[i]) == 0 ? ranks[ids[i - 1]] : i;
        return ranks;
    }

    /// <summary>What a cell keeps besides its 11 counts: manual sends and the weighted sums, while inclusion probabilities differ.</summary>
    private struct CellState
    {
        public static CellState Empty => new() { MinProbability = double.PositiveInfinity, MaxProbability = double.NegativeInfinity };

        public long Manual;
        public long Unsolicited;
        public double MinProbability;
        public double MaxProbability;
        public WeightedNpsAccumulator Accumulator;

        public void Record(int rating, in Group group, bool counted)
        {
            if (group.IsManual) Manual += group.Count;
            if (group.IsUnsolicited) Unsolicited += group.Count;
            if (!counted) return;
            MinProbability = Math.Min(MinProbability, group.MinProbability);
            MaxProbability = Math.Max(MaxProbability, group.MaxProbability);
            Accumulator.Add(NpsRating.Classify(rating), group.Count, group.WeightSum, group.SquaredWeightSum);
        }

        public readonly bool ProbabilitiesDiffer => MinProbability < MaxProbability;

        public readonly WeightedNpsEstimate? Weighted() => ProbabilitiesDiffer ? Accumulator.ToEstimate() : null;
    }

    /// <summary>One response, or a group of responses with one rating counted elsewhere.</summary>
    private readonly record struct Group(long Count, double WeightSum, double SquaredWeightSum, double MinProbability, double MaxProbability, bool IsManual, bool IsUnsolicited);

    private struct WeightedState
    {
        private CellState _state;
        private bool _started;

        public void Add(in CellState cell)
        {
            if (!_started)
            {
                _state = CellState.Empty;
                _started = true;
            }

            _state.MinProbability = Math.Min(_state.MinProbability, cell.MinProbability);
            _state.MaxProbability = Math.Max(_state.MaxProbability, cell.MaxProbability);
            _state.Accumulator.Add(in cell.Accumulator);
        }

        public readonly WeightedNpsEstimate? Estimate() => _started ? _state.Weighted() : null;
    }
}

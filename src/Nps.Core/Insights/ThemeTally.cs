using Nps.Segmentation;

namespace Nps.Insights;

/// <summary>
/// The running figures of a <see cref="ThemeAnalysis"/>: fed response by response (in memory), or fed the range's
/// totals from counts and then only the commented responses (from a store), and turned into the same analysis.
/// </summary>
internal sealed class ThemeTally
{
    private readonly ThemeTaxonomy _taxonomy;
    private readonly ThemeAnalysisOptions _options;
    private readonly bool _othersFromTotals;
    private readonly bool _allOthers;
    private readonly int _themeCount;
    private readonly long[] _mentions;
    private readonly long[] _negatedMentions;
    private readonly WeightedNpsAccumulator[] _weightedWith;
    private readonly WeightedNpsAccumulator[] _weightedOthers;
    private readonly List<ThemeExample>[] _examples;
    private readonly long[] _all = new long[3];
    private readonly long[] _commented = new long[3];
    private readonly bool[] _hits;
    private readonly bool[] _negated;
    private WeightedNpsAccumulator _totals;
    private WeightedNpsAccumulator _commentedWeighted;
    private bool _commentsFromCounts;
    private long _withTheme;
    private double _minProbability = double.PositiveInfinity;
    private double _maxProbability = double.NegativeInfinity;

    /// <summary>Starts a tally.</summary>
    /// <param name="taxonomy">The themes.</param>
    /// <param name="options">The options.</param>
    /// <param name="othersFromTotals">
    /// Whether the range's totals come from <see cref="AddTotals"/> and only commented responses are added: then
    /// the all-other-responses baseline is the totals less the theme's own.
    /// </param>
    public ThemeTally(ThemeTaxonomy taxonomy, ThemeAnalysisOptions options, bool othersFromTotals)
    {
        OptionsValidation.ThrowIfInvalid(options, nameof(options));
        _taxonomy = taxonomy;
        _options = options;
        _othersFromTotals = othersFromTotals;
        _allOthers = options.Baseline == ThemeBaseline.AllOtherResponses;
        _themeCount = taxonomy.Themes.Count;
        _mentions = new long[_themeCount * 3];
        _negatedMentions = new long[_themeCount * 3];
        _weightedWith = new WeightedNpsAccumulator[_themeCount];
        _weightedOthers = new WeightedNpsAccumulator[_themeCount];
        _examples = new List<ThemeExample>[_themeCount];
        for (var t = 0; t < _themeCount; t++) _examples[t] = [];
        _hits = new bool[_themeCount];
        _negated = new bool[_themeCount];
    }

    /// <summary>Adds one count row of the range (by rating, manual and unsolicited flags) to the totals.</summary>
    public void AddTotals(NpsCountRow row)
    {
        if ((row.IsManual && !_options.IncludeManual) || (row.IsUnsolicited && !_options.IncludeUnsolicited)) return;
        var category = row.Rating.Category;
        _all[(int)category] += row.Count;
        if (!_allOthers) return;
        _totals.Add(category, row.Count, row.WeightSum, row.SquaredWeightSum);
        _minProbability = Math.Min(_minProbability, row.MinInclusionProbability);
        _maxProbability = Math.Max(_maxProbability, row.MaxInclusionProbability);
    }

    /// <summary>Adds a response (with totals from counts: a response with a non-blank comment).</summary>
    public void Add(SurveyResponse response)
    {
        if ((response.IsManual && !_options.IncludeManual) || (response.IsUnsolicited && !_options.IncludeUnsolicited)) return;
        var category = (int)response.Category;
        var weight = 1 / response.InclusionProbability;
        var hasComment = !string.IsNullOrWhiteSpace(response.Comment);
        if (!_othersFromTotals) _all[category]++;
        if (hasComment || _allOthers)
        {
            _minProbability = Math.Min(_minProbability, response.InclusionProbability);
            _maxProbability = Math.Max(_maxProbability, response.InclusionProbability);
        }

        var found = 0;
        if (hasComment)
        {
            _commented[category]++;
            found = _taxonomy.Match(response.Comment, _hits, _negated);
            if (found > 0) _withTheme++;
        }

        // With totals from counts, the all-other-responses baseline is the totals less the theme's (see ToAnalysis).
        var othersHere = (hasComment || _allOthers) && !(_othersFromTotals && _allOthers);
        for (var t = 0; t < _themeCount; t++)
        {
            if (found > 0 && _hits[t])
            {
                _mentions[(t * 3) + category]++;
                if (_negated[t]) _negatedMentions[(t * 3) + category]++;
                _weightedWith[t].Add(response.Category, weight);
                if (_examples[t].Count < _options.ExamplesPerTheme) _examples[t].Add(new ThemeExample(response.ResponseId, response.Rating, response.Comment!));
            }
            else if (othersHere)
            {
                _weightedOthers[t].Add(response.Category, weight);
            }
        }
    }

    /// <summary>
    /// Adds one row of a store's theme counts (with totals from counts): the commented responses, those with a theme,
    /// or one theme's mentions, of one flag and probability. Then the other-comments baseline is the commented less
    /// the theme's (see <see cref="ToAnalysis"/>).
    /// </summary>
    public void AddCounts(ThemeCountRow row)
    {
        if ((row.IsManual && !_options.IncludeManual) || (row.IsUnsolicited && !_options.IncludeUnsolicited) || row.Mentions.IsEmpty) return;
        _commentsFromCounts = true;
        var weight = 1 / row.InclusionProbability;
        switch (row.Theme)
        {
            case ThemeCountRow.Commented:
                _commented[0] += row.Mentions.Detractors;
                _commented[1] += row.Mentions.Passives;
                _commented[2] += row.Mentions.Promoters;
                AddWeighted(ref _commentedWeighted, row.Mentions, weight);
                _minProbability = Math.Min(_minProbability, row.InclusionProbability);
                _maxProbability = Math.Max(_maxProbability, row.InclusionProbability);
                break;
            case ThemeCountRow.WithTheme:
                _withTheme += row.Mentions.Count;
                break;
            default:
                var t = row.Theme;
                if (t < 0 || t >= _themeCount) throw new ArgumentException($"The theme count row's theme {t} is not a theme of the taxonomy.", nameof(row));
                _mentions[t * 3] += row.Mentions.Detractors;
                _mentions[(t * 3) + 1] += row.Mentions.Passives;
                _mentions[(t * 3) + 2] += row.Mentions.Promoters;
                _negatedMentions[t * 3] += row.Negated.Detractors;
                _negatedMentions[(t * 3) + 1] += row.Negated.Passives;
                _negatedMentions[(t * 3) + 2] += row.Negated.Promoters;
                AddWeighted(ref _weightedWith[t], row.Mentions, weight);
                break;
        }
    }

    /// <summary>Adds a theme's examples (read from a store in response order), up to the options' number.</summary>
    public void AddExamples(int theme, IReadOnlyList<ThemeExample> examples)
    {
        foreach (var example in examples)
        {
            if (_examples[theme].Count < _options.ExamplesPerTheme) _examples[theme].Add(example);
        }
    }

    /// <summary>The themes mentioned at least once, by index (whose examples are worth reading).</summary>
    public IEnumerable<int> MentionedThemes() => Enumerable.Range(0, _themeCount).Where(t => Counts(_mentions, t).Count > 0);

    private static void AddWeighted(ref WeightedNpsAccumulator accumulator, NpsCategoryCounts counts, double weight)
    {
        var squared = weight * weight;
        accumulator.Add(NpsCategory.Detractor, counts.Detractors, counts.Detractors * weight, counts.Detractors * squared);
        accumulator.Add(NpsCategory.Passive, counts.Passives, counts.Passives * weight, counts.Passives * squared);
        accumulator.Add(NpsCategory.Promoter, counts.Promoters, counts.Promoters * weight, counts.Promoters * squared);
    }

    /// <summary>The analysis of what was added.</summary>
    public ThemeAnalysis ToAnalysis()
    {
        if (_commentsFromCounts && !_allOthers)
        {
            for (var t = 0; t < _themeCount; t++)
            {
                _weightedOthers[t] = _commentedWeighted;
                _weightedOthers[t].Subtract(_weightedWith[t]);
            }
        }

        if (_othersFromTotals && _allOthers)
        {
            for (var t = 0; t < _themeCount; t++)
            {
                _weightedOthers[t] = _totals;
                _weightedOthers[t].Subtract(_weightedWith[t]);
            }
        }

        var options = _options;
        var weighted = _minProbability < _maxProbability;
        var baseline = _allOthers ? _all : _commented;
        var commentCount = _commented[0] + _commented[1] + _commented[2];
        var impacts = new NpsComparison?[_themeCount];
        var pValues = new double[_themeCount];
        var tested = 0;
        for (var t = 0; t < _themeCount; t++)
        {
            var with = Counts(_mentions, t);
            var others = new NpsCategoryCounts(baseline[0] - with.Detractors, baseline[1] - with.Passives, baseline[2] - with.Promoters);
            pValues[t] = double.NaN;
            if (with.Count < options.MinimumMentions || others.IsEmpty) continue;
            impacts[t] = weighted
                ? WeightedNpsEstimate.Compare(_weightedWith[t].ToEstimate(), _weightedOthers[t].ToEstimate(), options.Level)
                : NpsCategoryCounts.Compare(with, others, options.Level);
            pValues[t] = impacts[t]!.Value.PValue;
            tested++;
        }

        var adjusted = BenjaminiHochberg.Adjust(pValues);
        var results = new ThemeResult[_themeCount];
        for (var t = 0; t < _themeCount; t++)
        {
            var with = Counts(_mentions, t);
            results[t] = new ThemeResult
            {
                ThemeId = _taxonomy.Themes[t].Id,
                ThemeName = _taxonomy.Themes[t].Name,
                Mentions = with,
                NegatedMentions = Counts(_negatedMentions, t),
                Others = new NpsCategoryCounts(baseline[0] - with.Detractors, baseline[1] - with.Passives, baseline[2] - with.Promoters),
                ShareOfComments = commentCount == 0 ? 0 : (double)with.Count / commentCount,
                Impact = impacts[t],
                ImpactIsWeighted = weighted && impacts[t] is not null,
                AdjustedPValue = double.IsNaN(adjusted[t]) ? null : adjusted[t],
                IsSignificant = !double.IsNaN(adjusted[t]) && adjusted[t] < 1 - options.Level,
                Examples = _examples[t],
            };
        }

        return new ThemeAnalysis
        {
            Responses = new NpsCategoryCounts(_all[0], _all[1], _all[2]),
            Commented = new NpsCategoryCounts(_commented[0], _commented[1], _commented[2]),
            CommentsWithTheme = _withTheme,
            Baseline = options.Baseline,
            MinimumMentions = options.MinimumMentions,
            ImpactsTested = tested,
            Weighted = weighted,
            Themes = results,
        };
    }

    private static NpsCategoryCounts Counts(long[] byThemeAndCategory, int theme) =>
        new(byThemeAndCategory[theme * 3], byThemeAndCategory[(theme * 3) + 1], byThemeAndCategory[(theme * 3) + 2]);
}

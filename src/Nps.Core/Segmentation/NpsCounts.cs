namespace Nps.Segmentation;

/// <summary>
/// Counting in memory: the reference <see cref="INpsCountSource"/> behaviour over responses already loaded, for
/// stores kept in memory and for checking what a database counts.
/// </summary>
public static class NpsCounts
{
    /// <summary>Counts responses as a store would: one row per (period, dimension values, rating, manual, unsolicited) group.</summary>
    /// <param name="responses">The responses.</param>
    /// <param name="query">What to count and how to group.</param>
    /// <returns>The rows, in order of first appearance.</returns>
    public static IReadOnlyList<NpsCountRow> Count(IEnumerable<SurveyResponse> responses, NpsCountQuery query)
    {
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(query);
        query.ValidateFilter();
        var dimensions = query.Dimensions;
        var groups = new Dictionary<GroupKey, int>();
        var rows = new List<NpsCountRow>();
        foreach (var response in responses)
        {
            if (!query.Covers(response.RespondedAt) || !query.Selects(response)) continue;
            var values = new string?[dimensions.Count];
            for (var d = 0; d < values.Length; d++) values[d] = response.GetDimension(dimensions[d]);
            TimeBucket? period = query.Period is { } p ? TimeBucket.Of(response.RespondedAt, p, query.TimeZone) : null;
            var key = new GroupKey(period, string.Join('\u001f', Array.ConvertAll(values, v => v is null ? "\u0000" : "\u0001" + v)),
                response.Rating.Value, response.IsManual, response.IsUnsolicited);
            var probability = response.InclusionProbability;
            var weight = response.Weight;
            if (groups.TryGetValue(key, out var index))
            {
                var row = rows[index];
                rows[index] = row with
                {
                    Count = row.Count + 1,
                    WeightSum = row.WeightSum + weight,
                    SquaredWeightSum = row.SquaredWeightSum + weight * weight,
                    MinInclusionProbability = Math.Min(row.MinInclusionProbability, probability),
                    MaxInclusionProbability = Math.Max(row.MaxInclusionProbability, probability),
                };
            }
            else
            {
                groups.Add(key, rows.Count);
                rows.Add(new NpsCountRow(period, values, response.Rating, response.IsManual, 1, weight, weight * weight, probability, probability)
                {
                    IsUnsolicited = response.IsUnsolicited,
                });
            }
        }

        return rows;
    }

    private readonly record struct GroupKey(TimeBucket? Period, string Values, int Rating, bool IsManual, bool IsUnsolicited);
}

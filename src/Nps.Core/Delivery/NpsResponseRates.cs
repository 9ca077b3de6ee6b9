using Nps.Segmentation;

namespace Nps.Delivery;

/// <summary>
/// Response rates for every segment and period a report has (the same dimensions, period and time zone as
/// <see cref="NpsReportOptions"/>): invitations sent, answered, the rate and its Wilson score interval. Non-response is
/// the largest bias left after sampling, and a gap between agents is the visible trace of soliciting answers.
/// </summary>
public static class NpsResponseRates
{
    /// <summary>
    /// The response rates of the invitations sent in [<paramref name="from"/>, <paramref name="to"/>), counted in the
    /// store (<see cref="IInvitationStore.CountSentAsync"/>: one <c>GROUP BY</c>, not a read of every invitation).
    /// </summary>
    /// <param name="store">Where the invitations are.</param>
    /// <param name="options">Dimensions, period, time zone and level; manual invitations count only with <see cref="NpsReportOptions.IncludeManual"/>.</param>
    /// <param name="from">The first send time counted, or null.</param>
    /// <param name="to">The send time where counting stops (exclusive), or null.</param>
    /// <param name="cancellationToken">Cancels counting.</param>
    /// <returns>The overall cell first, then the segments (and period totals when grouped by time), ordered by their keys.</returns>
    public static async ValueTask<IReadOnlyList<ResponseRateCell>> ComputeAsync(IInvitationStore store, NpsReportOptions options, DateTimeOffset? from = null,
        DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        Guard.Level(options.Level);
        var query = NpsCountQuery.For(options, from, to);
        query.Validate();
        var rows = new List<ResponseRateCountRow>();
        await foreach (var row in store.CountSentAsync(query, cancellationToken).ConfigureAwait(false)) rows.Add(row);
        return FromCounts(rows, options);
    }

    /// <summary>Counts sent invitations (by send time, in the report's zone) per segment and period, one by one.</summary>
    /// <param name="invitations">The invitations (e.g. <see cref="IInvitationStore.ReadSentAsync"/>); those never sent are ignored.</param>
    /// <param name="options">Dimensions, period, time zone and level; manual invitations count only with <see cref="NpsReportOptions.IncludeManual"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The overall cell first, then the segments (and period totals when grouped by time), ordered by their keys.</returns>
    public static async ValueTask<IReadOnlyList<ResponseRateCell>> ComputeAsync(IAsyncEnumerable<SurveyInvitation> invitations, NpsReportOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitations);
        ArgumentNullException.ThrowIfNull(options);
        Guard.Level(options.Level);
        var query = NpsCountQuery.For(options);
        var counts = new CountRows(query);
        await foreach (var invitation in invitations.WithCancellation(cancellationToken).ConfigureAwait(false)) counts.Add(invitation);
        return FromCounts(counts.Rows, options);
    }

    /// <summary>The cells of counted rows: the overall cell, the period totals, and each segment (with its period).</summary>
    /// <param name="rows">Rows counted for <paramref name="options"/>' dimensions and period (e.g. by <see cref="IInvitationStore.CountSentAsync"/>).</param>
    /// <param name="options">Dimensions, period and level; manual rows count only with <see cref="NpsReportOptions.IncludeManual"/>.</param>
    /// <returns>The overall cell first (none when nothing was sent), then the other cells ordered by their keys.</returns>
    public static IReadOnlyList<ResponseRateCell> FromCounts(IEnumerable<ResponseRateCountRow> rows, NpsReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        Guard.Level(options.Level);
        var counts = new Dictionary<string, (Dictionary<string, string> Dimensions, TimeBucket? Period, long Sent, long Answered)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            if (row.Sent == 0 || (row.IsManual && !options.IncludeManual)) continue;
            var period = options.Period is null ? null : row.Period;
            Count(counts, [], null, row);
            if (period is { } bucket) Count(counts, [new("period", bucket.Label)], bucket, row);
            if (options.Dimensions.Count > 0)
            {
                var values = options.Dimensions.Select((d, i) => new KeyValuePair<string, string>(d, row.DimensionValues[i] ?? NpsReportCell.MissingValue)).ToList();
                if (period is { } b) values.Add(new("period", b.Label));
                Count(counts, values, period, row);
            }
        }

        return counts.OrderBy(c => c.Value.Dimensions.Count).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => Cell(c.Value.Dimensions, c.Value.Period, c.Value.Sent, c.Value.Answered, options.Level)).ToList();
    }

    /// <summary>The Wilson score interval of a proportion (Wilson 1927): centre (x + z²/2) / (n + z²), half-width z·√(x(n−x)/n + z²/4) / (n + z²).</summary>
    /// <param name="successes">x, in [0, n].</param>
    /// <param name="trials">n, at least 1.</param>
    /// <param name="level">The confidence level, e.g. 0.95.</param>
    /// <returns>The bounds, within [0, 1].</returns>
    public static (double Lower, double Upper) WilsonInterval(long successes, long trials, double level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        Guard.Level(level);
        var z = NormalDistribution.Quantile(1 - ((1 - level) / 2));
        double n = trials, x = successes, z2 = z * z;
        var centre = (x + (z2 / 2)) / (n + z2);
        var half = z * Math.Sqrt((x * (n - x) / n) + (z2 / 4)) / (n + z2);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    private static void Count(Dictionary<string, (Dictionary<string, string>, TimeBucket?, long, long)> counts, List<KeyValuePair<string, string>> values,
        TimeBucket? period, ResponseRateCountRow row)
    {
        var key = string.Join("\u001f", values.Select(v => v.Key + "\u001e" + v.Value));
        var (dimensions, p, sent, answered) = counts.TryGetValue(key, out var found)
            ? found
            : (new Dictionary<string, string>(values, StringComparer.Ordinal), period, 0L, 0L);
        counts[key] = (dimensions, p, sent + row.Sent, answered + row.Answered);
    }

    private static ResponseRateCell Cell(Dictionary<string, string> dimensions, TimeBucket? period, long sent, long answered, double level)
    {
        var (lower, upper) = WilsonInterval(answered, sent, level);
        return new ResponseRateCell(dimensions, period, sent, answered, (double)answered / sent, lower, upper);
    }

    /// <summary>The dimension of an invitation as every store reads it: built-in names case-insensitive, free attributes by exact name.</summary>
    internal static string? Dimension(SurveyInvitation i, string name) => NpsCountQuery.BuiltInDimension(name) switch
    {
        "team" => i.Team,
        "agent" => i.Agent,
        "channel" => i.Channel,
        "product" => i.Product,
        "touchpoint" => i.Touchpoint,
        "survey_kind" => i.Kind == SurveyKind.Relational ? "relational" : "transactional",
        _ => i.Attributes.TryGetValue(name, out var value) ? value : null,
    };

    /// <summary>Counts invitations one by one into rows, as a store's <c>GROUP BY</c> does (the in-memory store counts with it).</summary>
    internal sealed class CountRows(NpsCountQuery query)
    {
        private readonly Dictionary<string, ResponseRateCountRow> _rows = new(StringComparer.Ordinal);

        /// <summary>The rows so far.</summary>
        public IEnumerable<ResponseRateCountRow> Rows => _rows.Values;

        /// <summary>Counts one invitation when it was sent in the query's range.</summary>
        public void Add(SurveyInvitation invitation)
        {
            if (invitation.SentAt is not { } sent || !query.Covers(sent)) return;
            TimeBucket? period = query.Period is { } p ? TimeBucket.Of(sent, p, query.TimeZone) : null;
            var values = new string?[query.Dimensions.Count];
            for (var d = 0; d < values.Length; d++) values[d] = Dimension(invitation, query.Dimensions[d]);
            var key = string.Join("\u001f", values.Select(v => v is null ? "\u0000" : "\u0001" + v)) + "\u001e" + period?.Label + "\u001e" + invitation.IsManual;
            var answered = invitation.Status == InvitationStatus.Answered ? 1 : 0;
            _rows[key] = _rows.TryGetValue(key, out var row)
                ? row with { Sent = row.Sent + 1, Answered = row.Answered + answered }
                : new ResponseRateCountRow(period, values, invitation.IsManual, 1, answered);
        }
    }
}

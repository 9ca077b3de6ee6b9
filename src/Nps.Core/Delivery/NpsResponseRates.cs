using Nps.Segmentation;

namespace Nps.Delivery;

/// <summary>
/// Response rates for every segment and period a report has (the same dimensions, period and time zone as
/// <see cref="NpsReportOptions"/>): invitations sent, answered, the rate and its Wilson score interval. Non-response is
/// the largest bias left after sampling, and a gap between agents is the visible trace of soliciting answers.
/// </summary>
public static class NpsResponseRates
{
    /// <summary>Counts sent invitations (by send time, in the report's zone) per segment and period.</summary>
    /// <param name="invitations">The invitations (e.g. <see cref="IInvitationStore.ReadSentAsync"/>); those never sent are ignored.</param>
    /// <param name="options">Dimensions, period, time zone and level; manual invitations count only with <see cref="NpsReportOptions.IncludeManualSends"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The overall cell first, then the segments (and period totals when grouped by time), ordered by their keys.</returns>
    public static async ValueTask<IReadOnlyList<ResponseRateCell>> ComputeAsync(IAsyncEnumerable<SurveyInvitation> invitations, NpsReportOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitations);
        ArgumentNullException.ThrowIfNull(options);
        Guard.Level(options.Level);
        var counts = new Dictionary<string, (Dictionary<string, string> Dimensions, TimeBucket? Period, long Sent, long Answered)>(StringComparer.Ordinal);
        await foreach (var invitation in invitations.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (invitation.SentAt is not { } sent || (invitation.IsManual && !options.IncludeManualSends)) continue;
            var answered = invitation.Status == InvitationStatus.Answered;
            TimeBucket? period = options.Period is { } p ? TimeBucket.Of(sent, p, options.TimeZone) : null;
            Count(counts, [], null, answered);
            if (period is { } bucket) Count(counts, [new("period", bucket.Label)], bucket, answered);
            if (options.Dimensions.Count > 0)
            {
                var values = options.Dimensions.Select(d => new KeyValuePair<string, string>(d, Dimension(invitation, d) ?? NpsReportCell.MissingValue)).ToList();
                if (period is { } b) values.Add(new("period", b.Label));
                Count(counts, values, period, answered);
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
        TimeBucket? period, bool answered)
    {
        var key = string.Join("\u001f", values.Select(v => v.Key + "\u001e" + v.Value));
        var (dimensions, p, sent, yes) = counts.TryGetValue(key, out var found)
            ? found
            : (new Dictionary<string, string>(values, StringComparer.Ordinal), period, 0L, 0L);
        counts[key] = (dimensions, p, sent + 1, yes + (answered ? 1 : 0));
    }

    private static ResponseRateCell Cell(Dictionary<string, string> dimensions, TimeBucket? period, long sent, long answered, double level)
    {
        var (lower, upper) = WilsonInterval(answered, sent, level);
        return new ResponseRateCell(dimensions, period, sent, answered, (double)answered / sent, lower, upper);
    }

    private static string? Dimension(SurveyInvitation i, string name) => name.ToUpperInvariant() switch
    {
        "TEAM" => i.Team,
        "AGENT" => i.Agent,
        "CHANNEL" => i.Channel,
        "PRODUCT" => i.Product,
        "TOUCHPOINT" => i.Touchpoint,
        "SURVEY_KIND" or "KIND" => i.Kind == SurveyKind.Relational ? "relational" : "transactional",
        _ => i.Attributes.TryGetValue(name, out var value) ? value : null,
    };
}

namespace Nps.Segmentation;

/// <summary>
/// What an <see cref="INpsCountSource"/> counts for a report: the responses answered in [<see cref="From"/>,
/// <see cref="To"/>), grouped by <see cref="Dimensions"/>, by the <see cref="Period"/> that holds each response's
/// local date in <see cref="TimeZone"/>, by rating and by whether the response answers a manual send.
/// </summary>
/// <remarks>
/// The grouping is the one <see cref="NpsReportBuilder"/> applies to single responses, so counts from a store and
/// a builder fed response by response give the same report: a dimension is read as
/// <see cref="SurveyResponse.GetDimension(string)"/> reads it (built-in names case-insensitive, free attributes by
/// exact name, null when absent), and the period is that of <see cref="TimeBucket.Of(DateTimeOffset, Period, TimeZoneInfo?)"/>.
/// </remarks>
public sealed record NpsCountQuery
{
    /// <summary>The dimensions to group by, in order; empty for none.</summary>
    public IReadOnlyList<string> Dimensions { get; init; } = [];

    /// <summary>The largest number of <see cref="Dimensions"/> a store counts by; <see cref="NpsReportOptions.DefaultMaxDimensions"/> (4) by default.</summary>
    public int MaxDimensions { get; init; } = NpsReportOptions.DefaultMaxDimensions;

    /// <summary>The period to group by, or null for no grouping by time.</summary>
    public Period? Period { get; init; }

    /// <summary>The time zone whose local dates decide the period; UTC by default.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The first instant counted (inclusive), or null for no lower bound.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>The instant where counting stops (exclusive), or null for no upper bound.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>
    /// Only the responses whose value of one of the <see cref="Dimensions"/> is one of some values, or null for all:
    /// a store counts and returns only their groups.
    /// </summary>
    public NpsDimensionFilter? Filter { get; init; }

    /// <summary>The query a report with these options needs, over responses answered in [from, to).</summary>
    /// <param name="options">The report options (dimensions, period, time zone).</param>
    /// <param name="from">The first instant counted, or null.</param>
    /// <param name="to">The instant where counting stops, or null.</param>
    /// <returns>The query.</returns>
    public static NpsCountQuery For(NpsReportOptions options, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new NpsCountQuery
        {
            Dimensions = options.Dimensions, MaxDimensions = options.MaxDimensions, Period = options.Period, TimeZone = options.TimeZone, From = from, To = to,
        };
    }

    /// <summary>Checks the query before anything is counted: every store calls it first.</summary>
    /// <exception cref="ArgumentException">
    /// More dimensions than <see cref="MaxDimensions"/>, a null list or zone, or a <see cref="Filter"/> on a dimension the query does not group by.
    /// </exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Dimensions, nameof(Dimensions));
        ArgumentNullException.ThrowIfNull(TimeZone, nameof(TimeZone));
        if (DimensionCountProblem(Dimensions.Count, MaxDimensions) is { } problem) throw new ArgumentOutOfRangeException(nameof(Dimensions), Dimensions.Count, problem);
        ValidateFilter();
    }

    /// <summary>Checks that the <see cref="Filter"/>, if any, is on one of the query's dimensions.</summary>
    internal void ValidateFilter()
    {
        ArgumentNullException.ThrowIfNull(Dimensions, nameof(Dimensions));
        if (Filter is { } filter && filter.IndexIn(Dimensions) < 0)
        {
            throw new ArgumentException(
                $"The filter is on dimension '{filter.Dimension}', which the query does not group by ({string.Join(", ", Dimensions.Select(d => $"'{d}'"))}).", nameof(Filter));
        }
    }

    /// <summary>Whether a response passes the <see cref="Filter"/> (true without one).</summary>
    internal bool Selects(SurveyResponse response) => Filter is not { } filter || filter.Matches(response.GetDimension(filter.Dimension));

    /// <summary>Why a number of dimensions is refused, or null.</summary>
    internal static string? DimensionCountProblem(int count, int max) => max < 0
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"MaxDimensions must not be negative; got {max}.")
        : count > max ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"A report groups by at most {max} dimensions; {count} were given.") : null;

    /// <summary>
    /// The built-in dimension a name means, as <see cref="SurveyResponse.GetDimension(string)"/> reads it
    /// (case-insensitive): <c>team</c>, <c>agent</c>, <c>channel</c>, <c>product</c>, <c>touchpoint</c> or
    /// <c>survey_kind</c> (also for <c>kind</c>); null for a free attribute, which is read by its exact name.
    /// </summary>
    /// <param name="dimension">The dimension name.</param>
    /// <returns>The built-in dimension's lower-case name, or null.</returns>
    public static string? BuiltInDimension(string dimension)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        return dimension.ToUpperInvariant() switch
        {
            "TEAM" => "team",
            "AGENT" => "agent",
            "CHANNEL" => "channel",
            "PRODUCT" => "product",
            "TOUCHPOINT" => "touchpoint",
            "SURVEY_KIND" or "KIND" => "survey_kind",
            _ => null,
        };
    }

    /// <summary>Whether a response falls in [<see cref="From"/>, <see cref="To"/>).</summary>
    /// <param name="respondedAt">When it was answered.</param>
    /// <returns><see langword="true"/> when it is counted.</returns>
    public bool Covers(DateTimeOffset respondedAt) =>
        (From is not { } from || respondedAt >= from) && (To is not { } to || respondedAt < to);
}

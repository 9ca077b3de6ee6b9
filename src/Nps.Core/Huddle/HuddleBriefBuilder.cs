using Nps.Delivery;
using Nps.FollowUp;
using Nps.Insights;
using Nps.Intake;
using Nps.Segmentation;

namespace Nps.Huddle;

/// <summary>
/// Builds the <see cref="HuddleBrief"/> of one team for one period from responses (and, optionally, the follow-up
/// queue). One pass over the responses; only the team's responses of the trend's periods are kept.
/// </summary>
/// <remarks>
/// <para>Days are local days in <see cref="HuddleBriefOptions.TimeZone"/>. Without a period, the brief covers the last
/// complete ISO week of the clock. The trend is the <see cref="HuddleBriefOptions.TrendPeriods"/> periods of the same
/// length ending with the brief's own; the change mark comes from sequential monitoring of the team's score over
/// <see cref="HuddleBriefOptions.ChangeHistoryPeriods"/> (<see cref="LevelChangeMonitor"/>), and "versus previous" is
/// this period against the one before, tested only when both reach the minimum n (<see cref="NpsComparison"/>).</para>
/// <para>Themes come from <see cref="ThemeAnalysis"/> over the period's comments: the most mentioned first (ties in
/// taxonomy order), themes nobody mentioned left out. Follow-ups count when their owner team is the team and the
/// customer answered by the as-of moment.</para>
/// </remarks>
public sealed class HuddleBriefBuilder
{
    private readonly HuddleBriefOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a builder.</summary>
    /// <param name="options">The team, period and settings.</param>
    /// <param name="timeProvider">The clock (for the default period and as-of moment); <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="NpsOptionsException">The options are invalid, e.g. the period's trend or its end lies outside the calendar.</exception>
    public HuddleBriefBuilder(HuddleBriefOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionsValidation.ThrowIfInvalid(options, nameof(options));

        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The period the brief covers: the options' period, else the last complete ISO week of the clock.</summary>
    public HuddlePeriod Period => _options.Period ?? HuddlePeriod.LastCompleteIsoWeek(_timeProvider, _options.TimeZone);

    /// <summary>Builds the brief.</summary>
    /// <param name="responses">The responses (of any team and time; the others are skipped).</param>
    /// <param name="followUps">The follow-up queue (of any team), or null when unknown.</param>
    /// <returns>The brief.</returns>
    public HuddleBrief Build(IEnumerable<SurveyResponse> responses, IEnumerable<FollowUpCase>? followUps = null)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var options = _options;
        var period = Period;
        var zone = options.TimeZone;
        var history = HistoryPeriods(period);
        var counts = new long[history * 3];
        var inPeriod = new List<SurveyResponse>();
        foreach (var response in responses)
        {
            ArgumentNullException.ThrowIfNull(response, nameof(responses));
            if (!string.Equals(response.Team, options.Team, StringComparison.OrdinalIgnoreCase)) continue;
            var daysBeforeEnd = period.To.DayNumber - TimeBucket.LocalDate(response.RespondedAt, zone).DayNumber;
            if (daysBeforeEnd < 0) continue;
            var index = daysBeforeEnd / period.Days;
            if (index >= history) continue;
            if (index == 0) inPeriod.Add(response);
            if ((response.IsManual && !options.IncludeManual) || (response.IsUnsolicited && !options.IncludeUnsolicited)) continue;
            counts[(index * 3) + (int)response.Category]++;
        }

        return Brief(period, counts, inPeriod, followUps is null ? null : Summarise(FollowUpCounts.Of(followUps, FollowUpQuery(period))));
    }

    /// <summary>
    /// Builds the brief from a store: the trend's counts from <paramref name="counts"/> (rating counts per team and
    /// local day), and only the team's responses of the brief's own period that carry a comment or a callback request
    /// from <paramref name="slices"/>, page by page — the same brief <see cref="Build"/> gives over the stored responses.
    /// </summary>
    /// <param name="counts">Where the responses are counted.</param>
    /// <param name="slices">Where the period's comments are read.</param>
    /// <param name="followUps">The follow-up queue (of any team), or null when unknown.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The brief.</returns>
    public Task<HuddleBrief> BuildAsync(INpsCountSource counts, IResponseSliceSource slices, IEnumerable<FollowUpCase>? followUps = null,
        CancellationToken cancellationToken = default) =>
        BuildAsync(counts, slices, followUps, invitations: null, cancellationToken);

    /// <summary>
    /// Builds the brief from a store as <see cref="BuildAsync(INpsCountSource, IResponseSliceSource, IEnumerable{FollowUpCase}?, CancellationToken)"/>
    /// does, with the team's response rate in the period (<see cref="HuddleBrief.ResponseRate"/>) counted in
    /// <paramref name="invitations"/>.
    /// </summary>
    /// <param name="counts">Where the responses are counted.</param>
    /// <param name="slices">Where the period's comments are read.</param>
    /// <param name="followUps">The follow-up queue (of any team), or null when unknown.</param>
    /// <param name="invitations">Where the invitations are counted, or null for a brief without a response rate.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The brief.</returns>
    public Task<HuddleBrief> BuildAsync(INpsCountSource counts, IResponseSliceSource slices, IEnumerable<FollowUpCase>? followUps,
        IInvitationStore? invitations, CancellationToken cancellationToken = default) =>
        BuildFromAsync(counts, slices, followUps is null ? null : (period, _) => ValueTask.FromResult(FollowUpCounts.Of(followUps, FollowUpQuery(period))), invitations, cancellationToken);

    /// <summary>
    /// Builds the brief from a store as <see cref="BuildAsync(INpsCountSource, IResponseSliceSource, IEnumerable{FollowUpCase}?, IInvitationStore?, CancellationToken)"/>
    /// does, with the team's follow-up queue counted in <paramref name="followUps"/> (<see cref="IFollowUpStore.CountAsync"/>)
    /// instead of read: the same brief as over the stored follow-ups.
    /// </summary>
    /// <param name="counts">Where the responses are counted.</param>
    /// <param name="slices">Where the period's comments are read.</param>
    /// <param name="followUps">Where the follow-ups are counted.</param>
    /// <param name="invitations">Where the invitations are counted, or null for a brief without a response rate.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The brief.</returns>
    public Task<HuddleBrief> BuildFromStoresAsync(INpsCountSource counts, IResponseSliceSource slices, IFollowUpStore followUps, IInvitationStore? invitations,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(followUps);
        return BuildFromAsync(counts, slices, (period, cancel) => followUps.CountAsync(FollowUpQuery(period), cancel), invitations, cancellationToken);
    }

    private async Task<HuddleBrief> BuildFromAsync(INpsCountSource counts, IResponseSliceSource slices,
        Func<HuddlePeriod, CancellationToken, ValueTask<FollowUpCounts>>? followUps, IInvitationStore? invitations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(slices);
        var options = _options;
        var period = Period;
        var zone = options.TimeZone ?? TimeZoneInfo.Utc;
        var history = HistoryPeriods(period);
        var categories = new long[history * 3];
        var teams = new HashSet<string>(StringComparer.Ordinal);
        var first = period.From.AddDays(-(history - 1) * period.Days);
        // Only the team's own rows: its stored spellings first (the rollups answer that), then its days counted by them alone.
        var spellings = await LocalDayCounts.SpellingsAsync(counts, "team", options.Team, first, period.To, cancellationToken).ConfigureAwait(false);
        var rows = spellings.Count == 0
            ? AsyncEnumerable.Empty<NpsCountRow>()
            : LocalDayCounts.CountAsync(counts, ["team"], first, period.To, zone, byDay: true, new NpsDimensionFilter("team", spellings), cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            if (row.DimensionValues[0] is not { } team || !string.Equals(team, options.Team, StringComparison.OrdinalIgnoreCase)) continue;
            var index = (period.To.DayNumber - row.Period!.Value.Start.DayNumber) / period.Days;
            if (index < 0 || index >= history) continue;
            if (index == 0) teams.Add(team);
            if ((row.IsManual && !options.IncludeManual) || (row.IsUnsolicited && !options.IncludeUnsolicited)) continue;
            categories[(index * 3) + (int)row.Rating.Category] += row.Count;
        }

        var inPeriod = new List<SurveyResponse>();
        if (teams.Count > 0)
        {
            // The team's values as stored (the counts name them), so the slice matches exactly what the builder matches ignoring case.
            var (from, to, exact) = LocalDayCounts.Range(period.From, period.To, zone);
            var query = new ResponseSliceQuery { From = from, To = to, Teams = [.. teams.Order(StringComparer.Ordinal)], OnlyWithCommentOrCallback = true };
            await foreach (var response in ResponseSlice.ReadAllAsync(slices, query, cancellationToken).ConfigureAwait(false))
            {
                if (exact || period.Contains(TimeBucket.LocalDate(response.RespondedAt, zone))) inPeriod.Add(response);
            }
        }

        var queue = followUps is null ? (HuddleFollowUpSummary?)null : Summarise(await followUps(period, cancellationToken).ConfigureAwait(false));
        var brief = Brief(period, categories, inPeriod, queue);
        return invitations is null ? brief : brief with { ResponseRate = await ResponseRateAsync(invitations, period, zone, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>The team's invitations sent in the period's local days (team names match ignoring case, as the score's do).</summary>
    private async Task<ResponseRateCell?> ResponseRateAsync(IInvitationStore invitations, HuddlePeriod period, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var query = new NpsCountQuery
        {
            Dimensions = ["team"], TimeZone = zone, From = TimeBucket.Containing(period.From, Segmentation.Period.Day).GetStartInstant(zone), To = period.GetEndInstant(zone),
        };
        long sent = 0, answered = 0;
        await foreach (var row in invitations.CountSentAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (!string.Equals(row.DimensionValues[0], _options.Team, StringComparison.OrdinalIgnoreCase) || (row.IsManual && !_options.IncludeManual)) continue;
            sent += row.Sent;
            answered += row.Answered;
        }

        if (sent == 0) return null;
        var (lower, upper) = NpsResponseRates.WilsonInterval(answered, sent, _options.Level);
        return new ResponseRateCell(new Dictionary<string, string>(StringComparer.Ordinal) { ["team"] = _options.Team }, null, sent, answered, (double)answered / sent, lower, upper);
    }

    /// <summary>
    /// The periods counted, this one first: the trend's, or the change mark's longer history where the calendar has room
    /// for it (the trend itself is checked to fit when the options are given).
    /// </summary>
    private int HistoryPeriods(HuddlePeriod period)
    {
        var wanted = Math.Max(_options.TrendPeriods, _options.ChangeHistoryPeriods);
        var fits = (period.From.DayNumber / period.Days) + 1;
        return Math.Max(_options.TrendPeriods, Math.Min(wanted, fits));
    }

    private HuddleBrief Brief(HuddlePeriod period, long[] counts, List<SurveyResponse> inPeriod, HuddleFollowUpSummary? followUps)
    {
        var options = _options;
        var history = counts.Length / 3;
        var trend = new HuddleScore[options.TrendPeriods];
        var trendPeriod = period;
        for (var i = 0; i < trend.Length; i++)
        {
            if (i > 0) trendPeriod = trendPeriod.Previous;
            var c = new NpsCategoryCounts(counts[i * 3], counts[(i * 3) + 1], counts[(i * 3) + 2]);
            trend[trend.Length - 1 - i] = new HuddleScore(trendPeriod, c, c.ConfidenceInterval(options.Level, options.Method), c.Count >= options.MinimumCount);
        }

        var series = new (string Label, NpsCategoryCounts Counts)[history];
        var seriesPeriod = period;
        for (var i = 0; i < history; i++)
        {
            if (i > 0) seriesPeriod = seriesPeriod.Previous;
            series[history - 1 - i] = (seriesPeriod.Label, new NpsCategoryCounts(counts[i * 3], counts[(i * 3) + 1], counts[(i * 3) + 2]));
        }

        var marks = LevelChangeMonitor.Marks(series, 365.25 / period.Days, options.YearsPerFalseChangeMark, options.MinimumCount);
        var change = marks.Count > 0 && marks[^1].Index >= history - options.TrendPeriods ? marks[^1].Mark : null;

        var score = trend[^1];
        var previous = trend[^2];
        inPeriod.Sort((a, b) => a.RespondedAt != b.RespondedAt ? a.RespondedAt.CompareTo(b.RespondedAt) : string.CompareOrdinal(a.ResponseId, b.ResponseId));
        var analysis = ThemeAnalysis.Analyze(inPeriod, options.Taxonomy, new ThemeAnalysisOptions
        {
            ExamplesPerTheme = options.ExamplesPerTheme,
            Level = options.Level,
            IncludeManual = options.IncludeManual,
            IncludeUnsolicited = options.IncludeUnsolicited,
        });
        var mentioned = analysis.Themes
            .Select((theme, order) => (theme, order))
            .Where(t => !t.theme.Mentions.IsEmpty)
            .OrderByDescending(t => t.theme.Mentions.Count)
            .ThenBy(t => t.order)
            .Select(t => t.theme)
            .ToList();

        var brief = new HuddleBrief
        {
            Team = options.Team,
            Period = period,
            Level = options.Level,
            MinimumCount = options.MinimumCount,
            Score = score,
            Trend = trend,
            Change = change,
            VersusPrevious = score.EnoughData && previous.EnoughData ? NpsCategoryCounts.Compare(score.Counts, previous.Counts, options.Level) : null,
            Themes = [.. mentioned.Take(options.TopThemes).Select(t => new HuddleTheme(t.ThemeId, t.ThemeName, t.Mentions, t.Examples))],
            DetractorComments = Comments(inPeriod, r => r.Category == NpsCategory.Detractor && HasComment(r)),
            Callbacks = Comments(inPeriod, r => r.CallbackRequested),
            Compliments = Comments(inPeriod, r => r.Category == NpsCategory.Promoter && HasComment(r)),
            FollowUps = followUps,
        };
        return brief with { DiscussionPoints = HuddleDiscussionPoints.Derive(brief, previous.Period, mentioned) };
    }

    private DateTimeOffset AsOf(HuddlePeriod period)
    {
        if (_options.AsOf is { } asOf) return asOf;
        var end = period.GetEndInstant(_options.TimeZone);
        var now = _timeProvider.GetUtcNow();
        return now < end ? now : end;
    }

    /// <summary>The team's open follow-ups whose customer answered by the as-of moment, judged at it.</summary>
    private FollowUpCountQuery FollowUpQuery(HuddlePeriod period)
    {
        var asOf = AsOf(period);
        return new FollowUpCountQuery { AsOf = asOf, Team = _options.Team, Status = FollowUpStatus.Open, RespondedBy = asOf };
    }

    private static HuddleFollowUpSummary Summarise(FollowUpCounts counts)
    {
        var open = counts.Sum(c => c.Status == FollowUpStatus.Open);
        var overdue = counts.Sum(c => c.Status == FollowUpStatus.Open && c.Due);
        return new HuddleFollowUpSummary(checked((int)open), checked((int)overdue), counts.AsOf);
    }

    private static bool HasComment(SurveyResponse response) => !string.IsNullOrWhiteSpace(response.Comment);

    private static HuddleComment[] Comments(List<SurveyResponse> responses, Func<SurveyResponse, bool> include) =>
        [.. responses.Where(include).Select(r => new HuddleComment(r.ResponseId, r.Rating, HasComment(r) ? r.Comment : null, r.Agent, r.RespondedAt))];
}

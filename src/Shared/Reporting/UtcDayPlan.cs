using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Nps.Segmentation;

// Compiled into Nps.Sqlite and Nps.PostgreSql (linked source, internal in each, one namespace in both), so the two
// stores share one plan without a public type in Nps.Core.
namespace Nps.Reporting;

/// <summary>When a counter reads the daily rollups.</summary>
internal enum RollupUse
{
    /// <summary>When the query can be served and at most a quarter of its days need raw rows.</summary>
    Auto,

    /// <summary>Whenever the query can be served (tests use it to exercise the rollup path on small data).</summary>
    Always,

    /// <summary>Never: every query counts the responses themselves (the baseline).</summary>
    Never,
}

/// <summary>
/// How a count query is served from the rollups (<c>nps_response_days</c>: per UTC day, UTC week and UTC calendar
/// month, rollup dimension, value and manual flag, 11 rating counts with their weight sums): every UTC day that lies
/// wholly inside the query's [From, To) and wholly inside one local period of the query's zone is read from the
/// rollups and mapped to that period (<see cref="Runs"/>, as <see cref="Weeks"/> and <see cref="Days"/>); a day that
/// holds one period boundary (a local midnight starting a month, say) is its day row less the raw responses of its
/// shorter side (<see cref="Splits"/>); days cut by From/To, or holding a boundary and an offset change, are counted
/// from their raw responses (<see cref="RawRanges"/>). A UTC month whose every day is a whole day of one period, or a
/// split day whose longer side is that period, is read as its one month row instead (<see cref="Months"/>), less the
/// shorter sides of its split days (<see cref="MonthSplits"/>): a local month in a zone a few hours off UTC is its UTC
/// month plus and minus those few hours. UTC days and months are zone-free, so every requested IANA zone stays
/// exact, including zones with non-whole-hour offsets and DST.
/// </summary>
internal sealed class UtcDayPlan
{
    /// <summary>The dimensions kept in the rollups: <c>""</c> (all responses, no dimension) and the built-in ones.</summary>
    public static readonly string[] Dimensions = ["", "team", "agent", "channel", "product", "touchpoint", "survey_kind"];

    /// <summary>
    /// The rollup dimension of two dimensions at once, team and agent: one rollup row per (team, agent) pair, its value
    /// the two values encoded by <see cref="PairValueSql"/>, so a report by team and agent reads rollups too.
    /// </summary>
    public const string TeamAgent = "team,agent";

    /// <summary>Every rollup dimension the triggers keep since the pair rows (SQLite step 7, PostgreSQL migration 7).</summary>
    public static readonly string[] RollupDimensions = [.. Dimensions, TeamAgent];

    /// <summary>
    /// The SQL of a (team, agent) pair's rollup value: each value as <c>-</c> when missing, else its length in
    /// characters (code points), <c>:</c> and the value itself — never null, and read back unambiguously by
    /// <see cref="DecodePair"/> whatever the values hold.
    /// </summary>
    /// <param name="team">The team's SQL expression.</param>
    /// <param name="agent">The agent's SQL expression.</param>
    /// <param name="length">The SQL of a text's length in characters, as text, over <c>{0}</c>.</param>
    public static string PairValueSql(string team, string agent, string length) =>
        $"(CASE WHEN {team} IS NULL THEN '-' ELSE {string.Format(CultureInfo.InvariantCulture, length, team)} || ':' || {team} END || CASE WHEN {agent} IS NULL THEN '-' ELSE {string.Format(CultureInfo.InvariantCulture, length, agent)} || ':' || {agent} END)";

    /// <summary>The (team, agent) values of a pair's rollup value (<see cref="PairValueSql"/>).</summary>
    public static (string? Team, string? Agent) DecodePair(string value)
    {
        var at = 0;
        var team = Next(value, ref at);
        var agent = Next(value, ref at);
        if (at != value.Length) throw new InvalidDataException($"'{value}' is not a team and agent rollup value.");
        return (team, agent);

        static string? Next(string value, ref int at)
        {
            if (at < value.Length && value[at] == '-')
            {
                at++;
                return null;
            }

            var colon = value.IndexOf(':', at);
            if (colon <= at || !int.TryParse(value.AsSpan(at, colon - at), NumberStyles.None, CultureInfo.InvariantCulture, out var characters))
            {
                throw new InvalidDataException($"'{value}' is not a team and agent rollup value.");
            }

            // The length counts code points, as SQLite's length() and PostgreSQL's char_length() do.
            var end = colon + 1;
            for (var c = 0; c < characters; c++)
            {
                if (end >= value.Length) throw new InvalidDataException($"'{value}' is not a team and agent rollup value.");
                end += char.IsHighSurrogate(value[end]) && end + 1 < value.Length && char.IsLowSurrogate(value[end + 1]) ? 2 : 1;
            }

            var text = value[(colon + 1)..end];
            at = end;
            return text;
        }
    }

    /// <summary>The number of ratings, 0 to 10: one count, weight sum and squared weight sum column each.</summary>
    public const int Ratings = 11;

    /// <summary>
    /// The rollup spans in days: single UTC days, and UTC weeks (7 days from a Monday: day number 0, 0001-01-01, is
    /// a Monday), so a month reads about 4 week rows and 2–3 day rows per value instead of 30 day rows.
    /// </summary>
    public static readonly int[] Spans = [1, 7, MonthSpan];

    /// <summary>The spans of schema 3 (SQLite) and migration 3 (PostgreSQL), before the month rows: a shipped step never changes.</summary>
    public static readonly int[] DayAndWeekSpans = [1, 7];

    /// <summary>
    /// The <c>span</c> of a UTC calendar month's rows (28 to 31 days; <c>utc_day</c> its first day), so a local month
    /// reads one row per value instead of about 4 week rows and 2–3 day rows.
    /// </summary>
    public const int MonthSpan = 31;

    /// <summary>Beyond this many stored days (about 55 years) planning day by day costs more than it saves: the raw query runs.</summary>
    private const int MaximumDays = 20_000;

    private UtcDayPlan(IReadOnlyList<Run> runs, IReadOnlyList<(long From, long To)> rawRanges, IReadOnlyList<Split> splits, IReadOnlyList<Month> months)
    {
        Runs = runs;
        RawRanges = rawRanges;
        Months = months;
        Splits = [.. splits.Where(s => MonthOf(s.Day) is null)];
        MonthSplits = [.. splits.Where(s => MonthOf(s.Day) is not null)];
        var days = new List<int>();
        var weeks = new List<int>();
        foreach (var run in runs)
        {
            var day = run.FirstDay;
            while (day <= run.LastDay)
            {
                if (MonthOf(day) is { } month)
                {
                    day = month.LastDay + 1; // read as the month row
                }
                else if (day % 7 == 0 && day + 6 <= run.LastDay && MonthOf(day + 6) is null)
                {
                    weeks.Add(day);
                    day += 7;
                }
                else
                {
                    days.Add(day++);
                }
            }
        }

        Days = days;
        Weeks = weeks;
    }

    /// <summary>Consecutive whole UTC days [<see cref="FirstDay"/>, <see cref="LastDay"/>] of one period (its first local day's number; 0 without a period).</summary>
    internal readonly record struct Run(int FirstDay, int LastDay, int Period);

    /// <summary>
    /// A UTC day that holds one period boundary and no offset change: its day rollup row holds both sides, so only the
    /// shorter side [<see cref="SmallFrom"/>, <see cref="SmallTo"/>) is counted raw (in <see cref="SmallPeriod"/>)
    /// and the longer side is the day row less that (in <see cref="LargePeriod"/>) — an hour or two of raw responses
    /// instead of a day's in a zone an hour or two off UTC.
    /// </summary>
    internal readonly record struct Split(int Day, long SmallFrom, long SmallTo, int SmallPeriod, int LargePeriod);

    /// <summary>
    /// A UTC calendar month [<see cref="FirstDay"/>, <see cref="LastDay"/>] read as its month rollup row, less the
    /// shorter sides of its <see cref="MonthSplits"/>, all in <see cref="Period"/>.
    /// </summary>
    internal readonly record struct Month(int FirstDay, int LastDay, int Period);

    /// <summary>Days split at a period boundary and read with their day rows, in order (not in a month of <see cref="Months"/>).</summary>
    public IReadOnlyList<Split> Splits { get; }

    /// <summary>Days split at a period boundary inside a month of <see cref="Months"/> (their longer side its period): only the shorter side is read, and taken off the month row.</summary>
    public IReadOnlyList<Split> MonthSplits { get; }

    /// <summary>The UTC months read from the month rollups, in order.</summary>
    public IReadOnlyList<Month> Months { get; }

    /// <summary>The month of <see cref="Months"/> holding a UTC day, if any.</summary>
    public Month? MonthOf(int day)
    {
        int low = 0, high = Months.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var month = Months[middle];
            if (day < month.FirstDay) high = middle - 1;
            else if (day > month.LastDay) low = middle + 1;
            else return month;
        }

        return null;
    }

    /// <summary>Whole days read from the rollups, in order, disjoint.</summary>
    public IReadOnlyList<Run> Runs { get; }

    /// <summary>The whole UTC weeks inside a run (their Mondays' day numbers), read from the week rollups.</summary>
    public IReadOnlyList<int> Weeks { get; }

    /// <summary>The other days of the runs, read from the day rollups.</summary>
    public IReadOnlyList<int> Days { get; }

    /// <summary>The UTC tick ranges [From, To) counted from the raw responses, in order, disjoint.</summary>
    public IReadOnlyList<(long From, long To)> RawRanges { get; }

    /// <summary>The rollup dimension a query groups by (<c>""</c> for none), or null when the rollups cannot serve it.</summary>
    /// <param name="query">The query.</param>
    /// <returns>The dimension key, or null for a free attribute or two dimensions other than team and agent (in either order), or more.</returns>
    public static string? DimensionOf(NpsCountQuery query) => query.Dimensions.Count switch
    {
        0 => "",
        1 => NpsCountQuery.BuiltInDimension(query.Dimensions[0]),
        2 => (NpsCountQuery.BuiltInDimension(query.Dimensions[0]), NpsCountQuery.BuiltInDimension(query.Dimensions[1])) is ("team", "agent") or ("agent", "team")
            ? TeamAgent
            : null,
        _ => null,
    };

    /// <summary>
    /// The UTC days a query needs to look at, as day numbers (<see cref="DateOnly.DayNumber"/>): those of its From
    /// and To, clamped to what <see cref="DateOnly"/> holds.
    /// </summary>
    public static (int First, int Last) DayRange(NpsCountQuery query)
    {
        var first = query.From is { } from ? DayOf(from.UtcTicks) : DateOnly.MinValue.DayNumber;
        var last = query.To is { } to ? DayOf(Math.Max(to.UtcTicks - 1, 0)) : DateOnly.MaxValue.DayNumber;
        return (first, last);
    }

    /// <summary>The UTC day number of an instant in ticks (what the rollups are keyed by).</summary>
    public static int DayOf(long utcTicks) => (int)(utcTicks / TimeSpan.TicksPerDay);

    /// <summary>
    /// Plans a query over the stored days [<paramref name="firstStoredDay"/>, <paramref name="lastStoredDay"/>] (the
    /// first and last rollup day of the query's dimension within <see cref="DayRange"/>); null when the raw query is
    /// better (under <see cref="RollupUse.Auto"/>, more than a quarter of the days would be counted raw, as for
    /// days in a zone off UTC).
    /// </summary>
    /// <param name="query">The query.</param>
    /// <param name="firstStoredDay">The first UTC day with a rollup row of the query's dimension in <see cref="DayRange"/>.</param>
    /// <param name="lastStoredDay">The last such day.</param>
    /// <param name="use">When to plan at all.</param>
    /// <param name="mixedMonths">
    /// The first days of the UTC months whose month rows hold responses of different inclusion probabilities (see
    /// <see cref="BoundsSql"/>): not read as months, because the probability bounds of such a row less a part of
    /// it are unknown; their days are read as weeks and days.
    /// </param>
    public static UtcDayPlan? Create(NpsCountQuery query, int firstStoredDay, int lastStoredDay, RollupUse use, IReadOnlySet<int>? mixedMonths = null)
    {
        if (lastStoredDay - firstStoredDay > MaximumDays) return null;
        var from = query.From?.UtcTicks ?? long.MinValue;
        var to = query.To?.UtcTicks ?? long.MaxValue;
        var runs = new List<Run>();
        var rawDays = 0;
        var rawRanges = new List<(long From, long To)>();
        var splits = new List<Split>();
        var days = 0;
        var wholeOrLonger = new Dictionary<int, int>(); // day → the period of a whole day, or of a split day's longer side
        for (var day = firstStoredDay; day <= lastStoredDay; day++)
        {
            var start = day * TimeSpan.TicksPerDay;
            var end = start + TimeSpan.TicksPerDay;
            var low = Math.Max(start, from);
            var high = Math.Min(end, to);
            if (low >= high) continue;
            days++;
            if (low == start && high == end && PeriodOfWholeDay(query, start) is { } period)
            {
                if (runs.Count > 0 && runs[^1].LastDay == day - 1 && runs[^1].Period == period) runs[^1] = runs[^1] with { LastDay = day };
                else runs.Add(new Run(day, day, period));
                wholeOrLonger[day] = period;
                continue;
            }

            if (low == start && high == end && SplitAtBoundary(query, day) is { } split)
            {
                splits.Add(split);
                wholeOrLonger[day] = split.LargePeriod;
                continue;
            }

            rawDays++;
            if (rawRanges.Count > 0 && rawRanges[^1].To == low) rawRanges[^1] = (rawRanges[^1].From, high);
            else rawRanges.Add((low, high));
        }

        if (use == RollupUse.Auto && rawDays * 4 > days) return null;
        return new UtcDayPlan(runs, rawRanges, splits, PlanMonths(query, firstStoredDay, lastStoredDay, wholeOrLonger, mixedMonths));
    }

    /// <summary>Plans kept by <see cref="CreateCached"/> before the cache starts over.</summary>
    private const int MaximumCachedPlans = 256;

    private static readonly ConcurrentDictionary<PlanKey, (TimeZoneInfo Zone, UtcDayPlan? Plan)> CachedPlans = new();

    /// <summary>What a plan depends on (the zone by its id, checked on a hit).</summary>
    private readonly record struct PlanKey(string Zone, Period? Period, long From, long To, int First, int Last, RollupUse Use, string? MixedMonths);

    /// <summary>
    /// <see cref="Create"/>, remembered: a dashboard asks the same report again and again over the same stored days,
    /// and planning day by day costs more than the read (a zone's offsets and periods for each of some hundred days).
    /// A plan depends only on its arguments (the query's zone, period, From and To), and is immutable.
    /// </summary>
    /// <param name="query">The query.</param>
    /// <param name="firstStoredDay">The first UTC day with a rollup row of the query's dimension in <see cref="DayRange"/>.</param>
    /// <param name="lastStoredDay">The last such day.</param>
    /// <param name="use">When to plan at all.</param>
    /// <param name="mixedMonths">The mixed months as <see cref="BoundsSql"/> gives them.</param>
    public static UtcDayPlan? CreateCached(NpsCountQuery query, int firstStoredDay, int lastStoredDay, RollupUse use, string? mixedMonths)
    {
        var zone = query.TimeZone;
        var key = new PlanKey(zone.Id, query.Period, query.From?.UtcTicks ?? long.MinValue, query.To?.UtcTicks ?? long.MaxValue, firstStoredDay, lastStoredDay, use, mixedMonths);
        if (CachedPlans.TryGetValue(key, out var hit) && (ReferenceEquals(hit.Zone, zone) || hit.Zone.HasSameRules(zone))) return hit.Plan;
        var plan = Create(query, firstStoredDay, lastStoredDay, use, ParseMixedMonths(mixedMonths));
        if (CachedPlans.Count >= MaximumCachedPlans) CachedPlans.Clear();
        CachedPlans[key] = (zone, plan);
        return plan;
    }

    /// <summary>
    /// The UTC months that can be read as month rows: inside the query's days, not mixed, and each stored day of them
    /// a whole day of one period or a split day whose longer side is that period (a day without a stored row holds no
    /// response of the dimension, so it does not matter).
    /// </summary>
    private static List<Month> PlanMonths(NpsCountQuery query, int firstStoredDay, int lastStoredDay, Dictionary<int, int> wholeOrLonger, IReadOnlySet<int>? mixedMonths)
    {
        var months = new List<Month>();
        var (rangeFirst, rangeLast) = DayRange(query);
        var first = MonthStart(firstStoredDay);
        for (var month = first; month <= lastStoredDay;)
        {
            var next = month >= MonthStart(DateOnly.MaxValue.DayNumber) ? DateOnly.MaxValue.DayNumber + 1 : DateOnly.FromDayNumber(month).AddMonths(1).DayNumber;
            var last = next - 1;
            if (month >= rangeFirst && last <= rangeLast && mixedMonths?.Contains(month) != true && PeriodOfMonth(month, last) is { } period)
            {
                months.Add(new Month(month, last, period));
            }

            month = next;
        }

        return months;

        int? PeriodOfMonth(int month, int last)
        {
            int? period = null;
            for (var day = Math.Max(month, firstStoredDay); day <= Math.Min(last, lastStoredDay); day++)
            {
                if (!wholeOrLonger.TryGetValue(day, out var p) || (period is { } q && q != p)) return null;
                period = p;
            }

            return period;
        }
    }

    /// <summary>The first day of the UTC calendar month holding a day (day numbers).</summary>
    public static int MonthStart(int day)
    {
        var date = DateOnly.FromDayNumber(day);
        return date.AddDays(1 - date.Day).DayNumber;
    }

    /// <summary>
    /// The split of a UTC day at its one period boundary — the local midnight starting the day's later period, at the
    /// day's one offset — or null when the offset changes within the day (then the day is counted raw).
    /// </summary>
    private static Split? SplitAtBoundary(NpsCountQuery query, int day)
    {
        if (query.Period is not { } kind) return null;
        var zone = query.TimeZone;
        var start = day * TimeSpan.TicksPerDay;
        var end = start + TimeSpan.TicksPerDay;
        var offset = zone.GetUtcOffset(new DateTimeOffset(start, TimeSpan.Zero));
        if (zone.GetUtcOffset(new DateTimeOffset(end - 1, TimeSpan.Zero)) != offset) return null;
        var first = PeriodAt(start);
        var second = PeriodAt(end - 1);
        var boundary = second * TimeSpan.TicksPerDay - offset.Ticks; // local midnight of the later period's first day
        if (boundary <= start || boundary >= end || PeriodAt(boundary - 1) != first || PeriodAt(boundary) != second) return null;
        return boundary - start <= end - boundary
            ? new Split(day, start, boundary, first, second)
            : new Split(day, boundary, end, second, first);

        int PeriodAt(long ticks) => TimeBucket.Of(new DateTimeOffset(ticks, TimeSpan.Zero), kind, zone).Start.DayNumber;
    }

    /// <summary>
    /// The period (its first local day's number) that holds every instant of the UTC day starting at
    /// <paramref name="start"/> in the query's zone, or null when the day holds a period boundary. Between offset
    /// changes local time only moves forward, so it is enough to check the day's first and last instant and both
    /// sides of each offset change inside it (found by bisection; an offset that changes and changes back within
    /// one day would be missed, and no zone does that).
    /// </summary>
    private static int? PeriodOfWholeDay(NpsCountQuery query, long start)
    {
        if (query.Period is not { } kind) return 0;
        var zone = query.TimeZone;
        var last = start + TimeSpan.TicksPerDay - 1;
        var period = PeriodAt(start);
        if (PeriodAt(last) != period) return null;
        for (var low = start; Offset(low) != Offset(last);)
        {
            long before = low, after = last; // offset(before) == offset(low) != offset(after)
            while (after - before > 1)
            {
                var middle = before + (after - before) / 2;
                if (Offset(middle) == Offset(low)) before = middle;
                else after = middle;
            }

            if (PeriodAt(before) != period || PeriodAt(after) != period) return null;
            low = after;
        }

        return period;

        int PeriodAt(long ticks) => TimeBucket.Of(new DateTimeOffset(ticks, TimeSpan.Zero), kind, zone).Start.DayNumber;
        TimeSpan Offset(long ticks) => zone.GetUtcOffset(new DateTimeOffset(ticks, TimeSpan.Zero));
    }

    /// <summary>The rollup-read SQL's period expression: a <c>CASE</c> tree over <paramref name="dayColumn"/> mapping each run to its period.</summary>
    public string PeriodOfDaySql(string dayColumn)
    {
        var sql = new StringBuilder();
        if (Runs.Count == 0) return "0";
        Tree(sql, dayColumn, Runs.Count, i => i == 0 ? long.MinValue : Runs[i].FirstDay, i => Runs[i].Period);
        return sql.ToString();
    }

    /// <summary>The <see cref="Splits"/>' days for <c>IN (...)</c>.</summary>
    public string SplitDaysSql() => string.Join(", ", Splits.Select(d => d.Day.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The <see cref="Months"/>' first days for <c>IN (...)</c>.</summary>
    public string MonthsSql() => string.Join(", ", Months.Select(m => m.FirstDay.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Every split day's shorter side (<see cref="Splits"/> and <see cref="MonthSplits"/>), read raw.</summary>
    public IEnumerable<(long From, long To)> SmallSides => Splits.Concat(MonthSplits).Select(s => (s.SmallFrom, s.SmallTo));

    /// <summary>
    /// The query that opens a planned read, one row: the first and last UTC day of the dimension's day rows on the
    /// days [<paramref name="first"/>, <paramref name="last"/>] (each its own index lookup, NULL when there are none);
    /// whether every response on those days has inclusion probability 1; and the first days of the UTC months whose
    /// month row holds responses of different inclusion probabilities, comma-separated (NULL for none; see
    /// <see cref="ParseMixedMonths"/>). The last two come from the month rows, which hold each response once: after a
    /// deletion their bounds only widen, so a stale answer is "no" and "mixed", never a wrong "yes" or "one". Knowing
    /// before the read whether the weight sums are needed means weighted data is not read twice.
    /// </summary>
    /// <param name="dimension">The dimension's SQL expression (a parameter).</param>
    /// <param name="first">The first day's SQL expression.</param>
    /// <param name="last">The last day's SQL expression.</param>
    /// <param name="aggregate">The store's string aggregate: <c>group_concat</c> (SQLite) or <c>string_agg</c> (PostgreSQL).</param>
    public static string BoundsSql(string dimension, string first, string last, string aggregate)
    {
        var days = $"FROM nps_response_days WHERE dimension = {dimension} AND span = 1 AND utc_day >= {first} AND utc_day <= {last}";
        return $"SELECT (SELECT min(utc_day) {days}), (SELECT max(utc_day) {days}), m.unit, m.mixed FROM (SELECT coalesce(min(min_p) = 1 AND max(max_p) = 1, true) AS unit, "
            + $"{aggregate}(CASE WHEN min_p < max_p THEN CAST(utc_day AS TEXT) END, ',') AS mixed FROM nps_response_days "
            + $"WHERE dimension = {dimension} AND span = {MonthSpan} AND utc_day >= {first} - 30 AND utc_day <= {last}) AS m";
    }

    /// <summary>The months of <see cref="BoundsSql"/>'s answer.</summary>
    public static HashSet<int> ParseMixedMonths(string? list) =>
        string.IsNullOrEmpty(list) ? [] : [.. list.Split(',').Select(d => int.Parse(d, NumberStyles.None, CultureInfo.InvariantCulture))];

    /// <summary>
    /// The rollup-read SQL's filter on <c>span</c> and <c>utc_day</c>: the <see cref="Weeks"/> and the
    /// <see cref="Days"/>, or null when the plan reads no rollup row.
    /// </summary>
    public string? SpanFilterSql()
    {
        var parts = new List<string>();
        if (Weeks.Count > 0) parts.Add($"(span = 7 AND utc_day IN ({string.Join(", ", Weeks.Select(d => d.ToString(CultureInfo.InvariantCulture)))}))");
        if (Days.Count > 0) parts.Add($"(span = 1 AND utc_day IN ({string.Join(", ", Days.Select(d => d.ToString(CultureInfo.InvariantCulture)))}))");
        return parts.Count == 0 ? null : "(" + string.Join(" OR ", parts) + ")";
    }

    /// <summary>
    /// Writes <c>value of the last i with bound(i) ≤ x</c> as nested <c>CASE</c>s, balanced so a row takes
    /// log₂(count) comparisons; bound(0) is −∞ (the first value holds below the second bound).
    /// </summary>
    public static void Tree(StringBuilder sql, string x, int count, Func<int, long> bound, Func<int, long> value)
    {
        Write(0, count);

        void Write(int low, int high)
        {
            if (high - low == 1)
            {
                sql.Append(value(low).ToString(CultureInfo.InvariantCulture));
                return;
            }

            var middle = (low + high) / 2;
            sql.Append("CASE WHEN ").Append(x).Append(" < ").Append(bound(middle).ToString(CultureInfo.InvariantCulture)).Append(" THEN ");
            Write(low, middle);
            sql.Append(" ELSE ");
            Write(middle, high);
            sql.Append(" END");
        }
    }

    /// <summary>
    /// The wide columns of a rollup row, in order: <c>c0..c10</c> (counts), <c>w0..w10</c> (weight sums),
    /// <c>q0..q10</c> (squared weight sums).
    /// </summary>
    public static readonly string[] WideNames = [.. "cwq".SelectMany(prefix => Enumerable.Range(0, Ratings).Select(r => prefix + r.ToString(CultureInfo.InvariantCulture)))];

    /// <summary>The wide columns, each written by <paramref name="column"/> (e.g. <c>sum(c0)</c>), comma-separated.</summary>
    public static string WideColumns(Func<string, string> column) => string.Join(", ", WideNames.Select(column));

    /// <summary>
    /// The wide columns of one raw response (<paramref name="rating"/> and <paramref name="probability"/> are its
    /// columns), pivoted like a rollup row: its rating's count 1, weight and squared weight, zeros elsewhere; each
    /// written by <paramref name="column"/> from its name and value expression, comma-separated.
    /// </summary>
    public static string RawWideColumns(string rating, string probability, Func<string, string, string> column)
    {
        string[] values = ["1", $"1.0 / {probability}", $"(1.0 / {probability}) * (1.0 / {probability})"];
        return string.Join(", ", WideNames.Select((name, i) => column(name,
            $"(CASE WHEN {rating} = {(i % Ratings).ToString(CultureInfo.InvariantCulture)} THEN {values[i / Ratings]} ELSE {(i < Ratings ? "0" : "0.0")} END)")));
    }

    /// <summary>
    /// The columns after <c>rating</c> of a raw branch, grouped by rating (cheaper per response than pivoting it):
    /// count, weight sum and squared weight sum in the places of <c>c0</c>, <c>w0</c> and <c>q0</c>, NULL elsewhere,
    /// so the branch has the rollup branch's shape.
    /// </summary>
    public static string NarrowColumns(string probability) => string.Join(", ", WideNames.Select((_, i) => i switch
    {
        0 => "count(*)",
        Ratings => $"sum(1.0 / {probability})",
        2 * Ratings => $"sum((1.0 / {probability}) * (1.0 / {probability}))",
        _ => "NULL",
    }));

    /// <summary>
    /// The summed wide columns of the rollup read; with <paramref name="weights"/> false, the weight sums are
    /// written as 0.0 (cheaper: 11 aggregates instead of 33), for when every inclusion probability is 1 and the
    /// weight sums are the counts (see <see cref="Cells.AllWeightsOne"/>).
    /// </summary>
    public static string SummedWideColumns(bool weights) => WideColumns(c => weights || c[0] == 'c' ? $"sum({c})" : "CAST(0 AS DOUBLE PRECISION)");

    /// <summary>
    /// The wide columns of rollup rows read one by one (split days, months), each count written by
    /// <paramref name="count"/>; with <paramref name="weights"/> false, the weight sums as NULL, which
    /// <see cref="Cells.AddAsync"/> does not read then (a store's row read costs by the column: a quarter less).
    /// </summary>
    public static string RowWideColumns(bool weights, Func<string, string> count) =>
        WideColumns(c => c[0] == 'c' ? count(c) : weights ? c : "CAST(NULL AS DOUBLE PRECISION)");

    /// <summary>
    /// Reads this plan into merged cells: counts only when <paramref name="unitWeights"/> (every weight sum is then
    /// its count; should a row say otherwise after all, everything is read again with the weight sums), then the split
    /// days resolved, and the split days whose rows mix probabilities counted raw whole. Null when the plan reads nothing.
    /// </summary>
    /// <param name="unitWeights">Whether the bounds query found every inclusion probability 1.</param>
    /// <param name="rollupSql">The store's SQL of the plan, with or without the weight sums (null: nothing to read).</param>
    /// <param name="rawSql">The store's SQL of the raw responses in some UTC tick ranges.</param>
    /// <param name="readInto">Runs SQL and adds its rows to cells (with or without the weight sums).</param>
    public async Task<Cells?> ReadAsync(bool unitWeights, Func<bool, string?> rollupSql, Func<IReadOnlyList<(long From, long To)>, string> rawSql,
        Func<Cells, string, bool, Task> readInto)
    {
        var cells = new Cells();
        foreach (var weights in unitWeights ? [false, true] : new[] { true })
        {
            if (rollupSql(weights) is not { } sql) return null;
            await readInto(cells, sql, weights).ConfigureAwait(false);
            if (!weights && !cells.AllWeightsOne)
            {
                cells = new Cells();
                continue;
            }

            var mixed = cells.ResolveSplits(this);
            if (mixed.Count > 0) await readInto(cells, rawSql([.. mixed.Select(d => (d * TimeSpan.TicksPerDay, (d + 1) * TimeSpan.TicksPerDay))]), weights).ConfigureAwait(false);
            break;
        }

        return cells;
    }

    /// <summary>The bit of a read's kind column set for responses to manual sends.</summary>
    public const int ManualKind = 1;

    /// <summary>The bit of a read's kind column set for unsolicited responses (that matched no invitation).</summary>
    public const int UnsolicitedKind = 2;

    /// <summary>
    /// Merges the rows of a planned read into count rows, one per (period, value, rating, kind) with a count above
    /// zero. Columns: part (<see cref="Part"/>), key (a period's first day, or a UTC day for the split parts), has
    /// value, value, kind (<see cref="ManualKind"/> | <see cref="UnsolicitedKind"/>), rating (−1 for a wide rollup row), the <see cref="WideColumns"/> (or
    /// <see cref="NarrowColumns"/> for one rating), min and max inclusion probability.
    /// </summary>
    internal sealed class Cells
    {
        private readonly Dictionary<(int Period, string? Value, int Kind), Cell> _cells = [];
        private readonly Dictionary<(int Day, string? Value, int Kind), Cell> _splitDays = [];
        private readonly Dictionary<(int Day, string? Value, int Kind), Cell> _smallSides = [];
        private readonly Dictionary<(int Month, string? Value, int Kind), Cell> _months = [];
        private bool _unitWeights = true;

        /// <summary>The parts of a planned read.</summary>
        public enum Part
        {
            /// <summary>Rollup rows of whole days and weeks, summed per period (wide).</summary>
            Rollups = 0,

            /// <summary>Raw responses, per period and rating.</summary>
            Raw = 1,

            /// <summary>The day rollup rows of split days, per UTC day (wide).</summary>
            SplitDays = 2,

            /// <summary>The raw responses of split days' shorter sides, per UTC day and rating.</summary>
            SmallSides = 3,

            /// <summary>The month rollup rows of <see cref="Months"/>, per month (wide; key: the month's first day).</summary>
            Months = 4,
        }

        /// <summary>Whether every response read has inclusion probability 1, so every weight sum equals its count.</summary>
        public bool AllWeightsOne => _unitWeights;

        /// <summary>Adds the rows of a reader; without <paramref name="weights"/>, only the counts and bounds (the weight sums stay 0).</summary>
        public async Task AddAsync(DbDataReader reader, bool weights, CancellationToken cancellationToken)
        {
            const int first = 6;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var part = (Part)reader.GetInt32(0);
                var key = (reader.GetInt32(1), reader.GetBoolean(2) ? reader.GetString(3) : null, reader.GetInt32(4));
                var cells = part switch { Part.SplitDays => _splitDays, Part.SmallSides => _smallSides, Part.Months => _months, _ => _cells };
                if (!cells.TryGetValue(key, out var cell)) cells.Add(key, cell = new Cell());
                var rating = reader.GetInt32(5);
                if (rating >= 0)
                {
                    cell.Counts[rating] += reader.GetInt64(first);
                    if (weights)
                    {
                        cell.Weights[rating] += reader.GetDouble(first + Ratings);
                        cell.SquaredWeights[rating] += reader.GetDouble(first + 2 * Ratings);
                    }
                }
                else
                {
                    for (var r = 0; r < Ratings; r++) cell.Counts[r] += reader.GetInt64(first + r);
                    if (weights)
                    {
                        for (var r = 0; r < Ratings; r++)
                        {
                            cell.Weights[r] += reader.GetDouble(first + Ratings + r);
                            cell.SquaredWeights[r] += reader.GetDouble(first + 2 * Ratings + r);
                        }
                    }
                }

                cell.Min = Math.Min(cell.Min, reader.GetDouble(first + 3 * Ratings));
                cell.Max = Math.Max(cell.Max, reader.GetDouble(first + 1 + 3 * Ratings));
                _unitWeights &= cell.Min == 1 && cell.Max == 1;
            }
        }

        /// <summary>
        /// Splits the split days' rollup rows: the shorter side (raw) goes to its period, the day row less it to the
        /// longer side's. Exact when every response of a day row has one inclusion probability (min = max), as then
        /// both sides have it too; the days with a row of mixed probabilities are returned, to be counted raw whole
        /// (their rows here are dropped). A month row, less the shorter sides of its split days (which go to their
        /// periods), goes to its month's period; months of mixed probabilities are never planned as months (see
        /// <see cref="Create"/>).
        /// </summary>
        public IReadOnlyList<int> ResolveSplits(UtcDayPlan plan)
        {
            ResolveMonths(plan);
            var mixed = _splitDays.Where(p => p.Value.Min < p.Value.Max).Select(p => p.Key.Day).ToHashSet();
            var splits = plan.Splits.ToDictionary(s => s.Day);
            foreach (var ((day, value, manual), row) in _splitDays)
            {
                if (mixed.Contains(day)) continue;
                var split = splits[day];
                var large = row;
                if (_smallSides.TryGetValue((day, value, manual), out var small))
                {
                    Into(split.SmallPeriod, value, manual).Add(small, small.Min, small.Max);
                    large = row.Less(small);
                }

                if (large.AnyCount()) Into(split.LargePeriod, value, manual).Add(large, row.Min, row.Max);
            }

            foreach (var ((day, value, manual), small) in _smallSides)
            {
                if (!mixed.Contains(day) && !_splitDays.ContainsKey((day, value, manual)))
                {
                    Into(splits[day].SmallPeriod, value, manual).Add(small, small.Min, small.Max); // no day row: cannot be, counted as read
                }
            }

            _splitDays.Clear();
            _smallSides.Clear();
            return [.. mixed.Order()];
        }

        private void ResolveMonths(UtcDayPlan plan)
        {
            if (plan.Months.Count == 0) return;
            var splits = plan.MonthSplits.ToDictionary(s => s.Day);
            var rests = new Dictionary<(int Month, string? Value, int Kind), Cell>();
            foreach (var ((day, value, manual), small) in _smallSides)
            {
                if (!splits.TryGetValue(day, out var split)) continue;
                Into(split.SmallPeriod, value, manual).Add(small, small.Min, small.Max);
                var key = (plan.MonthOf(day)!.Value.FirstDay, value, manual);
                if (rests.TryGetValue(key, out var rest) || _months.TryGetValue(key, out rest)) rests[key] = rest.Less(small);
            }

            _cells.EnsureCapacity(_cells.Count + _months.Count);
            foreach (var (key, row) in _months)
            {
                var rest = rests.GetValueOrDefault(key) ?? row;
                if (!ReferenceEquals(rest, row) && row.Min < row.Max)
                {
                    // Create leaves mixed months out (BoundsSql, read in the same snapshot): the rest's bounds would be unknown.
                    throw new InvalidOperationException($"The month rollup row of UTC day {key.Month} has mixed inclusion probabilities but was planned as a month.");
                }

                if (!rest.AnyCount()) continue;
                var target = (plan.MonthOf(key.Month)!.Value.Period, key.Value, key.Kind);
                // The first group of its period is the rest itself (a new cell plus the rest would hold the same
                // counts, sums and bounds): no copy per month row.
                if (_cells.TryGetValue(target, out var cell)) cell.Add(rest, row.Min, row.Max);
                else _cells.Add(target, rest);
            }

            foreach (var key in _smallSides.Keys)
            {
                if (splits.ContainsKey(key.Day)) _smallSides.Remove(key); // removing while enumerating is allowed
            }

            _months.Clear();
        }

        private Cell Into(int period, string? value, int manual)
        {
            if (!_cells.TryGetValue((period, value, manual), out var cell)) _cells.Add((period, value, manual), cell = new Cell());
            return cell;
        }

        /// <summary>The count rows; with <paramref name="weightsAreCounts"/>, each weight sum is its count (all weights 1).</summary>
        public IEnumerable<NpsCountRow> Rows(NpsCountQuery query, bool weightsAreCounts)
        {
            var agentFirst = query.Dimensions.Count == 2 && NpsCountQuery.BuiltInDimension(query.Dimensions[0]) == "agent";
            var filter = query.Filter;
            var filtered = filter?.IndexIn(query.Dimensions) ?? -1;
            foreach (var ((period, value, manual), cell) in _cells)
            {
                TimeBucket? bucket = query.Period is { } kind ? TimeBucket.Containing(DateOnly.FromDayNumber(period), kind) : null;
                IReadOnlyList<string?> values = query.Dimensions.Count switch
                {
                    0 => [],
                    1 => [value],
                    _ => DecodePair(value!) is var (team, agent) && agentFirst ? [agent, team] : [team, agent],
                };

                // The SQL keeps only the filter's values where it can (not in the pair rows); this keeps exactly them.
                if (filter is not null && !filter.Matches(values[filtered])) continue;
                for (var r = 0; r < Ratings; r++)
                {
                    var count = cell.Counts[r];
                    if (count <= 0) continue;
                    var isManual = (manual & ManualKind) != 0;
                    var row = weightsAreCounts
                        ? new NpsCountRow(bucket, values, NpsRating.From(r), isManual, count, count, count, cell.Min, cell.Max)
                        : new NpsCountRow(bucket, values, NpsRating.From(r), isManual, count, cell.Weights[r], cell.SquaredWeights[r], cell.Min, cell.Max);
                    yield return row with { IsUnsolicited = (manual & UnsolicitedKind) != 0 };
                }
            }
        }
    }

    /// <summary>One (period, value, manual) group being merged; its probabilities are those of all its ratings together.</summary>
    private sealed class Cell
    {
        /// <summary>Adds another group's counts and sums, with the probability bounds of its responses.</summary>
        public void Add(Cell other, double min, double max)
        {
            for (var r = 0; r < Ratings; r++)
            {
                Counts[r] += other.Counts[r];
                Weights[r] += other.Weights[r];
                SquaredWeights[r] += other.SquaredWeights[r];
            }

            Min = Math.Min(Min, min);
            Max = Math.Max(Max, max);
        }

        /// <summary>Whether any rating has a count above zero.</summary>
        public bool AnyCount()
        {
            foreach (var count in Counts)
            {
                if (count > 0) return true;
            }

            return false;
        }

        /// <summary>This group less a part of it (counts and sums; the bounds stay this group's).</summary>
        public Cell Less(Cell part)
        {
            var rest = new Cell { Min = Min, Max = Max };
            for (var r = 0; r < Ratings; r++)
            {
                rest.Counts[r] = Counts[r] - part.Counts[r];
                rest.Weights[r] = Weights[r] - part.Weights[r];
                rest.SquaredWeights[r] = SquaredWeights[r] - part.SquaredWeights[r];
            }

            return rest;
        }

        public long[] Counts { get; } = new long[Ratings];

        public double[] Weights { get; } = new double[Ratings];

        public double[] SquaredWeights { get; } = new double[Ratings];

        public double Min { get; set; } = double.PositiveInfinity;

        public double Max { get; set; } = double.NegativeInfinity;
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Nps.Reporting;
using Nps.Segmentation;

namespace Nps.Sqlite.Reporting;

/// <summary>
/// Reports counted in SQLite: from the daily and weekly rollups (<see cref="SqliteRollupSchema"/>) for no dimension
/// or one built-in dimension, boundary days from their raw responses (see <see cref="UtcDayPlan"/>); otherwise one
/// <c>GROUP BY period, dimensions, rating, manual</c> over the stored responses.
/// </summary>
/// <remarks>
/// <para>How the local period is computed without time-zone support in SQLite, correctly across DST: responses keep
/// their instant as UTC ticks. For the requested zone and the range of stored instants, .NET lists the instants
/// where the zone's offset changes (<see cref="ZoneOffsets"/>); the query adds the offset in force with a balanced
/// <c>CASE</c> tree over those instants (two or so comparisons a row per DST year), divides by a day to get the
/// local day number, and maps days to periods — weeks by arithmetic (day 0, 0001-01-01, is a Monday), months,
/// quarters and years with a second <c>CASE</c> tree over their first days. The local time is thus UTC plus the
/// very offset <see cref="TimeZoneInfo.GetUtcOffset(DateTimeOffset)"/> gives, as in the in-memory report builder.</para>
/// <para>Its <see cref="Intake.IResponseDataVersion"/> is the version of the responses it counts (the file's
/// <c>nps_response_version</c>), so a host can tell when a report it built is still current.</para>
/// </remarks>
public sealed class SqliteResponseCounter : INpsCountSource, Intake.IResponseDataVersion
{
    private readonly SqliteNpsDatabase _database;
    private readonly RollupUse _rollups;

    /// <summary>Counts in a database, reading the daily rollups where they serve the query.</summary>
    /// <param name="database">The database.</param>
    public SqliteResponseCounter(SqliteNpsDatabase database)
        : this(database, RollupUse.Auto)
    {
    }

    /// <summary>Counts in a database, with or without the daily rollups.</summary>
    /// <param name="database">The database.</param>
    /// <param name="useRollups">
    /// <see langword="false"/> to count every query from the responses themselves (slower; the same counts — to
    /// check the rollups or measure against them).
    /// </param>
    public SqliteResponseCounter(SqliteNpsDatabase database, bool useRollups)
        : this(database, useRollups ? RollupUse.Auto : RollupUse.Never)
    {
    }

    internal SqliteResponseCounter(SqliteNpsDatabase database, RollupUse rollups)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _rollups = rollups;
    }

    /// <inheritdoc />
    public ValueTask<long> GetResponseVersionAsync(CancellationToken cancellationToken = default) =>
        SqliteResponseVersion.ReadAsync(_database, cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<NpsCountRow> CountAsync(NpsCountQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var from = query.From?.UtcTicks ?? long.MinValue;
        var to = query.To?.UtcTicks ?? long.MaxValue;
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var interrupt = SqliteInterrupt.On(connection, cancellationToken).ConfigureAwait(false);
        // One snapshot for range and counts: a deferred transaction reads a WAL snapshot without the write lock
        // (BeginTransactionAsync would be BEGIN IMMEDIATE, serialising every report with every writer).
        await using var transaction = connection.BeginTransaction(deferred: true);

        if (_rollups != RollupUse.Never && UtcDayPlan.DimensionOf(query) is { } dimension)
        {
            var (firstDay, lastDay) = UtcDayPlan.DayRange(query);
            await using var days = connection.CreateCommand();
            days.Transaction = transaction;
            days.CommandText = UtcDayPlan.BoundsSql("$dimension", "$first", "$last", "group_concat");
            days.Parameters.AddWithValue("$dimension", dimension);
            days.Parameters.AddWithValue("$first", firstDay);
            days.Parameters.AddWithValue("$last", lastDay);
            int? stored = null;
            var unitWeights = false;
            string? mixedMonths = null;
            await using (var bounds = await days.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await bounds.ReadAsync(cancellationToken).ConfigureAwait(false) && !bounds.IsDBNull(0))
                {
                    (firstDay, lastDay) = (bounds.GetInt32(0), bounds.GetInt32(1));
                    stored = firstDay;
                    unitWeights = bounds.GetBoolean(2);
                    mixedMonths = bounds.IsDBNull(3) ? null : bounds.GetString(3);
                }
            }

            if (stored is null) yield break; // every stored response has its rollup rows: none in range
            var use = _rollups;
            if (use == RollupUse.Auto)
            {
                // Before the retention cutoff only the rollups hold the counts: read them wherever they serve the query.
                await using var retention = connection.CreateCommand();
                retention.Transaction = transaction;
                retention.CommandText = "SELECT responses_before FROM nps_retention WHERE id = 1;";
                if (await retention.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long before && firstDay < UtcDayPlan.DayOf(before)) use = RollupUse.Always;
            }

            if (UtcDayPlan.CreateCached(query, firstDay, lastDay, use, mixedMonths) is { } plan)
            {
                // The weight sums only when some inclusion probability is not 1 (otherwise they are the counts).
                var cells = await plan.ReadAsync(unitWeights, weights => RollupSql(query, dimension, plan, weights), ranges => RawSql(query, dimension, ranges), ReadIntoAsync)
                    .ConfigureAwait(false);
                if (cells is null) yield break;
                foreach (var row in cells.Rows(query, cells.AllWeightsOne)) yield return row;
                yield break;
            }
        }

        async Task ReadIntoAsync(UtcDayPlan.Cells cells, string sql, bool weights)
        {
            await using var read = connection.CreateCommand();
            read.Transaction = transaction;
            read.CommandText = sql;
            read.Parameters.AddWithValue("$dimension", UtcDayPlan.DimensionOf(query));
            await using var rows = await SqliteInterrupt.ExecuteAsync(read, cancellationToken).ConfigureAwait(false);
            await cells.AddAsync(rows, weights, cancellationToken).ConfigureAwait(false);
        }

        (string Day, string Period) periodSql = ("NULL", "NULL");
        if (query.Period is { } period)
        {
            await using var range = connection.CreateCommand();
            range.Transaction = transaction;
            range.CommandText = "SELECT min(responded_at), max(responded_at) FROM nps_responses WHERE responded_at >= $from AND responded_at < $to";
            range.Parameters.AddWithValue("$from", from);
            range.Parameters.AddWithValue("$to", to);
            await using var bounds = await range.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await bounds.ReadAsync(cancellationToken).ConfigureAwait(false) || bounds.IsDBNull(0)) yield break;
            periodSql = PeriodSql(period, query.TimeZone, bounds.GetInt64(0), bounds.GetInt64(1));
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql(query, periodSql);
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        for (var d = 0; d < query.Dimensions.Count; d++)
        {
            if (Column(query.Dimensions[d]) is null) command.Parameters.AddWithValue("$path" + d.ToString(CultureInfo.InvariantCulture), AttributePath(query.Dimensions[d]));
        }

        AddFilter(command, query);

        await using var reader = await SqliteInterrupt.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        var dimensions = query.Dimensions.Count;
        while (await SqliteInterrupt.ReadAsync(reader, cancellationToken).ConfigureAwait(false))
        {
            TimeBucket? bucket = query.Period is { } kind ? TimeBucket.Containing(DateOnly.FromDayNumber(reader.GetInt32(0)), kind) : null;
            var values = new string?[dimensions];
            for (var d = 0; d < dimensions; d++) values[d] = reader.IsDBNull(1 + d) ? null : reader.GetString(1 + d);
            var at = 1 + dimensions;
            var flags = reader.GetInt32(at + 1);
            yield return new NpsCountRow(bucket, values, NpsRating.From(reader.GetInt32(at)), (flags & UtcDayPlan.ManualKind) != 0, reader.GetInt64(at + 2),
                reader.GetDouble(at + 3), reader.GetDouble(at + 4), reader.GetDouble(at + 5), reader.GetDouble(at + 6))
            {
                IsUnsolicited = (flags & UtcDayPlan.UnsolicitedKind) != 0,
            };
        }
    }

    /// <summary>The column of a built-in dimension (as <see cref="SurveyResponse.GetDimension(string)"/> names them), or null for a free attribute.</summary>
    internal static string? Column(string dimension) => NpsCountQuery.BuiltInDimension(dimension) switch
    {
        "survey_kind" => "CASE kind WHEN 1 THEN 'relational' ELSE 'transactional' END",
        var column => column, // the other built-in dimensions are columns of the same name; null for a free attribute
    };

    /// <summary>
    /// The JSON path of a free attribute: the name quoted, so dots and spaces in it stay part of the name, with its
    /// backslashes and quotes escaped (SQLite reads a quoted label as a JSON string).
    /// </summary>
    internal static string AttributePath(string name) =>
        "$.\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>A raw response's kind (<see cref="UtcDayPlan.ManualKind"/>, <see cref="UtcDayPlan.UnsolicitedKind"/>): the manual and unsolicited flags in one key column.</summary>
    private static readonly string RawKind = $"(is_manual + {UtcDayPlan.UnsolicitedKind} * (provenance = {(int)ResponseProvenance.Unsolicited}))";

    /// <summary>A rollup row's kind, as <see cref="RawKind"/>.</summary>
    private static readonly string RollupKind = $"(manual + {UtcDayPlan.UnsolicitedKind} * unsolicited)";

    internal static string Sql(NpsCountQuery query, (string Day, string Period) periodSql)
    {
        var sql = new StringBuilder("SELECT ").Append(periodSql.Period);
        for (var d = 0; d < query.Dimensions.Count; d++) sql.Append(", ").Append(DimensionSql(query, d));

        sql.Append(", rating, ").Append(RawKind).Append("""
            , count(*), sum(1.0 / inclusion_probability),
              sum((1.0 / inclusion_probability) * (1.0 / inclusion_probability)), min(inclusion_probability), max(inclusion_probability)
            FROM (SELECT *, 
            """).Append(periodSql.Day).Append("""
             AS d FROM nps_responses WHERE responded_at >= $from AND responded_at < $to
            """);
        if (query.Filter is { } filter) sql.Append(" AND ").Append(DimensionSql(query, filter.IndexIn(query.Dimensions))).Append(" IN (").Append(FilterParameters(filter)).Append(')');
        sql.Append(")\nGROUP BY 1");
        for (var column = 2; column <= query.Dimensions.Count + 3; column++) sql.Append(", ").Append(column.ToString(CultureInfo.InvariantCulture));
        return sql.ToString();
    }

    /// <summary>
    /// The SQL expressions of a row's local day number (<c>d</c>, over the table's columns: the instant in
    /// <paramref name="column"/>, UTC ticks) and of its period as the day number of the period's first local day (over <c>d</c>).
    /// </summary>
    internal static (string Day, string Period) PeriodSql(Period period, TimeZoneInfo zone, long firstUtcTicks, long lastUtcTicks, string column = "responded_at")
    {
        var steps = ZoneOffsets.Between(zone, firstUtcTicks, lastUtcTicks);
        var local = new StringBuilder("(").Append(column).Append(" + ");
        UtcDayPlan.Tree(local, column, steps.Count, i => steps[i].FromUtcTicks, i => steps[i].OffsetTicks);
        local.Append(')');
        var day = $"({local} / {TimeSpan.TicksPerDay})";
        if (period == Period.Day) return (day, "d");
        if (period == Period.Week) return (day, "(d / 7 * 7)");

        // Months, quarters, years: the first days of the periods the range touches, as a tree over day numbers.
        var firstDay = TimeBucket.Containing(DateOnly.FromDateTime(new DateTime(firstUtcTicks, DateTimeKind.Utc)).AddDays(-1), period);
        var lastDay = DateOnly.FromDateTime(new DateTime(lastUtcTicks, DateTimeKind.Utc)).AddDays(1);
        var starts = new List<int>();
        for (var bucket = firstDay; bucket.Start <= lastDay; bucket = bucket.Next) starts.Add(bucket.Start.DayNumber);
        var expression = new StringBuilder();
        UtcDayPlan.Tree(expression, "d", starts.Count, i => i == 0 ? long.MinValue : starts[i], i => starts[i]);
        return (day, expression.ToString());
    }

    /// <summary>
    /// The SQL of a planned query: the rollup rows of whole weeks and days, their first day mapped to a period by a
    /// <c>CASE</c> tree (weight sums only with <paramref name="weights"/>), and the raw responses of the other days
    /// grouped by rating; null when the plan reads nothing.
    /// </summary>
    internal static string? RollupSql(NpsCountQuery query, string dimension, UtcDayPlan plan, bool weights)
    {
        var parts = new List<string>();
        // A filter is applied after reading (UtcDayPlan.Cells.Rows), not here: with it in this SQL SQLite's planner
        // reads the raw ranges far more slowly than it reads every value's rows.
        if (plan.SpanFilterSql() is { } spans)
        {
            parts.Add(new StringBuilder("SELECT 0, ").Append(plan.PeriodOfDaySql("utc_day")).Append(", has_value, value, " + RollupKind + ", -1, ")
                .Append(UtcDayPlan.SummedWideColumns(weights)).Append(", min(min_p), max(max_p) FROM nps_response_days WHERE dimension = $dimension AND ")
                .Append(spans).Append(" GROUP BY 2, 3, 4, 5").ToString());
        }

        if (plan.Months.Count > 0)
        {
            parts.Add($"SELECT 4, utc_day, has_value, value, {RollupKind}, -1, {UtcDayPlan.RowWideColumns(weights, c => c)}, min_p, max_p FROM nps_response_days "
                + $"WHERE dimension = $dimension AND span = {UtcDayPlan.MonthSpan} AND utc_day IN ({plan.MonthsSql()})");
        }

        if (plan.RawRanges.Count > 0) parts.Add(RawSql(query, dimension, plan.RawRanges));
        if (plan.Splits.Count > 0)
        {
            parts.Add($"SELECT 2, utc_day, has_value, value, {RollupKind}, -1, {UtcDayPlan.RowWideColumns(weights, c => c)}, min_p, max_p FROM nps_response_days "
                + $"WHERE dimension = $dimension AND span = 1 AND utc_day IN ({plan.SplitDaysSql()})");
        }

        if (plan.Splits.Count + plan.MonthSplits.Count > 0)
        {
            var value = Value(dimension);
            parts.Add(new StringBuilder("SELECT 3, responded_at / ").Append(TimeSpan.TicksPerDay.ToString(CultureInfo.InvariantCulture)).Append(", ")
                .Append(value).Append(" IS NOT NULL, coalesce(").Append(value).Append(", ''), ").Append(RawKind).Append(", rating, ").Append(UtcDayPlan.NarrowColumns("inclusion_probability"))
                .Append(", min(inclusion_probability), max(inclusion_probability) FROM nps_responses WHERE (").Append(Ranges(plan.SmallSides))
                .Append(')').Append(" GROUP BY 2, 3, 4, 5, 6").ToString());
        }

        return parts.Count == 0 ? null : string.Join("\nUNION ALL\n", parts);
    }

    /// <summary>The raw responses in some UTC tick ranges, per local period, value, manual flag and rating (part 1 of a planned read).</summary>
    internal static string RawSql(NpsCountQuery query, string dimension, IReadOnlyList<(long From, long To)> ranges)
    {
        var (day, period) = query.Period is { } kind ? PeriodSql(kind, query.TimeZone, ranges[0].From, ranges[^1].To - 1) : ("0", "0");
        var value = Value(dimension);
        return new StringBuilder("SELECT 1, ").Append(period).Append(", ").Append(value).Append(" IS NOT NULL, coalesce(").Append(value).Append(", ''), ").Append(RawKind).Append(", rating, ")
            .Append(UtcDayPlan.NarrowColumns("inclusion_probability"))
            .Append(", min(inclusion_probability), max(inclusion_probability) FROM (SELECT *, ").Append(day).Append(" AS d FROM nps_responses WHERE (")
            .Append(Ranges(ranges)).Append(')').Append(") GROUP BY 2, 3, 4, 5, 6").ToString();
    }

    /// <summary>The SQL of the query's dimension <paramref name="index"/> over a response row (a free attribute through its <c>$path</c> parameter).</summary>
    private static string DimensionSql(NpsCountQuery query, int index) =>
        Column(query.Dimensions[index]) ?? $"json_extract(attributes, $path{index.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>The filter's value parameters, <c>$filter0, $filter1, …</c>.</summary>
    private static string FilterParameters(NpsDimensionFilter filter) =>
        string.Join(", ", Enumerable.Range(0, filter.Values.Count).Select(i => "$filter" + i.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Binds the filter's values (<see cref="FilterParameters"/>), when the query has a filter.</summary>
    private static void AddFilter(SqliteCommand command, NpsCountQuery query)
    {
        if (query.Filter is not { } filter) return;
        for (var i = 0; i < filter.Values.Count; i++) command.Parameters.AddWithValue("$filter" + i.ToString(CultureInfo.InvariantCulture), filter.Values[i]);
    }

    private static string Value(string dimension) => dimension switch
    {
        "" => "NULL",
        UtcDayPlan.TeamAgent => UtcDayPlan.PairValueSql("team", "agent", SqliteRollupSchema.PairLength),
        _ => Column(dimension)!,
    };

    /// <summary>A filter on <c>responded_at</c> for tick ranges, one index range each (SQLite's multi-index OR).</summary>
    private static string Ranges(IEnumerable<(long From, long To)> ranges) =>
        string.Join(" OR ", ranges.Select(r => string.Create(CultureInfo.InvariantCulture, $"(responded_at >= {r.From} AND responded_at < {r.To})")));
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Nps.Reporting;
using Nps.Segmentation;

namespace Nps.PostgreSql.Reporting;

/// <summary>
/// Reports counted in PostgreSQL: from the daily and weekly rollups (<see cref="PostgreSqlRollupSchema"/>) for no
/// dimension or one built-in dimension, boundary days from their raw responses (see <see cref="UtcDayPlan"/>);
/// otherwise one <c>GROUP BY period, dimensions, rating, manual</c> over the stored responses. The local period of a
/// raw response is computed by <c>AT TIME ZONE</c> in the query's IANA zone (correct across DST, from the server's
/// zone data).
/// </summary>
/// <remarks>
/// Its <see cref="Intake.IResponseDataVersion"/> is the version of the responses it counts (the database's
/// <c>nps_response_version</c>), so a host can tell when a report it built is still current.
/// </remarks>
public sealed class PostgreSqlResponseCounter : INpsCountSource, Intake.IResponseDataVersion
{
    private readonly PostgreSqlNpsDatabase _database;
    private readonly RollupUse _rollups;

    /// <summary>Counts in a database (migrated with <see cref="PostgreSqlNpsDatabase.MigrateAsync"/>), reading the daily rollups where they serve the query.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlResponseCounter(PostgreSqlNpsDatabase database)
        : this(database, RollupUse.Auto)
    {
    }

    /// <summary>Counts in a database, with or without the daily rollups.</summary>
    /// <param name="database">The database.</param>
    /// <param name="useRollups">
    /// <see langword="false"/> to count every query from the responses themselves (slower; the same counts — to
    /// check the rollups or measure against them).
    /// </param>
    public PostgreSqlResponseCounter(PostgreSqlNpsDatabase database, bool useRollups)
        : this(database, useRollups ? RollupUse.Auto : RollupUse.Never)
    {
    }

    internal PostgreSqlResponseCounter(PostgreSqlNpsDatabase database, RollupUse rollups)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _rollups = rollups;
    }

    /// <inheritdoc />
    public ValueTask<long> GetResponseVersionAsync(CancellationToken cancellationToken = default) =>
        PostgreSqlResponseVersion.ReadAsync(_database, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The query's time zone has no IANA id PostgreSQL knows.</exception>
    public async IAsyncEnumerable<NpsCountRow> CountAsync(NpsCountQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var zone = ZoneName(query.TimeZone);
        if (_rollups != RollupUse.Never && UtcDayPlan.DimensionOf(query) is { } rollupDimension)
        {
            await foreach (var row in CountFromRollupsAsync(query, rollupDimension, zone, cancellationToken).ConfigureAwait(false)) yield return row;
            yield break;
        }

        await using var command = _database.DataSource.CreateCommand(Sql(query));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (query.From ?? DateTimeOffset.MinValue).UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (query.To ?? DateTimeOffset.MaxValue).UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = zone });
        foreach (var dimension in query.Dimensions)
        {
            if (Column(dimension) is null) command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = dimension });
        }

        AddFilter(command, query);
        await using var reader = await ExecuteAsync(command, query, zone, cancellationToken).ConfigureAwait(false);
        await foreach (var row in ReadRawAsync(reader, query, cancellationToken).ConfigureAwait(false)) yield return row;
    }

    private static async IAsyncEnumerable<NpsCountRow> ReadRawAsync(NpgsqlDataReader reader, NpsCountQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var dimensions = query.Dimensions.Count;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            TimeBucket? period = query.Period is { } kind ? TimeBucket.Containing(reader.GetFieldValue<DateOnly>(0), kind) : null;
            var values = new string?[dimensions];
            for (var d = 0; d < dimensions; d++) values[d] = reader.IsDBNull(1 + d) ? null : reader.GetString(1 + d);
            var at = 1 + dimensions;
            var flags = reader.GetInt32(at + 1);
            yield return new NpsCountRow(period, values, NpsRating.From(reader.GetInt16(at)), (flags & UtcDayPlan.ManualKind) != 0, reader.GetInt64(at + 2),
                reader.GetDouble(at + 3), reader.GetDouble(at + 4), reader.GetDouble(at + 5), reader.GetDouble(at + 6))
            {
                IsUnsolicited = (flags & UtcDayPlan.UnsolicitedKind) != 0,
            };
        }
    }

    /// <summary>Runs a counting query, telling a zone PostgreSQL does not know as an argument error.</summary>
    internal static async Task<NpgsqlDataReader> ExecuteAsync(NpgsqlCommand command, NpsCountQuery query, string zone, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidParameterValue)
        {
            throw new ArgumentException($"PostgreSQL does not know the time zone \"{zone}\": {e.MessageText}", nameof(query), e);
        }
    }

    /// <summary>
    /// Counts from the daily rollups (see <see cref="UtcDayPlan"/>), in one repeatable-read snapshot for the day range
    /// and the counts; falls back to the raw query when the plan says so.
    /// </summary>
    private async IAsyncEnumerable<NpsCountRow> CountFromRollupsAsync(NpsCountQuery query, string dimension, string zone,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var (firstDay, lastDay) = UtcDayPlan.DayRange(query);
        bool unitWeights;
        string? mixedMonths;
        await using (var days = new NpgsqlCommand(
            UtcDayPlan.BoundsSql("$1", "$2", "$3", "string_agg"), connection, transaction))
        {
            days.Parameters.Add(new NpgsqlParameter { Value = dimension });
            days.Parameters.Add(new NpgsqlParameter { Value = firstDay });
            days.Parameters.Add(new NpgsqlParameter { Value = lastDay });
            await using var bounds = await days.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await bounds.ReadAsync(cancellationToken).ConfigureAwait(false) || bounds.IsDBNull(0)) yield break; // every stored response has its rollup rows
            (firstDay, lastDay) = (bounds.GetInt32(0), bounds.GetInt32(1));
            unitWeights = bounds.GetBoolean(2);
            mixedMonths = bounds.IsDBNull(3) ? null : bounds.GetString(3);
        }

        var use = _rollups;
        if (use == RollupUse.Auto)
        {
            // Before the retention cutoff only the rollups hold the counts: read them wherever they serve the query.
            await using var retention = new NpgsqlCommand("SELECT responses_before FROM nps_retention WHERE id = 1", connection, transaction);
            if (await retention.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long before && firstDay < UtcDayPlan.DayOf(before)) use = RollupUse.Always;
        }

        var plan = UtcDayPlan.CreateCached(query, firstDay, lastDay, use, mixedMonths);
        if (plan is null)
        {
            await using var command = new NpgsqlCommand(Sql(query), connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (query.From ?? DateTimeOffset.MinValue).UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (query.To ?? DateTimeOffset.MaxValue).UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = zone });
            AddFilter(command, query);
            await using var raw = await ExecuteAsync(command, query, zone, cancellationToken).ConfigureAwait(false);
            await foreach (var row in ReadRawAsync(raw, query, cancellationToken).ConfigureAwait(false)) yield return row;
            yield break;
        }

        // A few thousand rows: starting parallel workers costs more than it saves (10–20 ms on a busy machine), and so
        // does compiling the query (JIT): the planner prices the many raw ranges above jit_above_cost, but compiling the
        // wide rollup columns takes far longer than reading the few thousand rows they hold.
        await using (var serial = new NpgsqlCommand("SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off", connection, transaction))
        {
            await serial.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // The weight sums only when some inclusion probability is not 1 (otherwise they are the counts).
        var cells = await plan.ReadAsync(unitWeights, weights => RollupSql(query, dimension, plan, weights), ranges => RawSql(query, dimension, ranges), ReadIntoAsync)
            .ConfigureAwait(false);
        if (cells is null) yield break;
        foreach (var row in cells.Rows(query, cells.AllWeightsOne)) yield return row;

        async Task ReadIntoAsync(UtcDayPlan.Cells into, string sql, bool weights)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = dimension });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = zone });
            if (FilterSql(query, dimension) is not null) AddFilter(command, query);
            await using var reader = await ExecuteAsync(command, query, zone, cancellationToken).ConfigureAwait(false);
            await into.AddAsync(reader, weights, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A raw response's kind (<see cref="UtcDayPlan.ManualKind"/>, <see cref="UtcDayPlan.UnsolicitedKind"/>): the manual and unsolicited flags in one key column.</summary>
    private static string RawKind(string alias) =>
        $"({alias}is_manual::integer + {UtcDayPlan.UnsolicitedKind} * ({alias}provenance = {(int)ResponseProvenance.Unsolicited})::integer)";

    /// <summary>A rollup row's kind, as <see cref="RawKind"/>.</summary>
    private static readonly string RollupKind = $"(manual::integer + {UtcDayPlan.UnsolicitedKind} * unsolicited::integer)";

    /// <summary>
    /// The SQL of a planned query (parameters: $1 dimension, $2 zone; the raw ranges as literals, so the planner
    /// sees how few rows they hold and scans the time index for each): the rollup rows of whole weeks and days, their
    /// first day mapped to a period by a <c>CASE</c> tree (weight sums only with <paramref name="weights"/>), and the
    /// raw responses of the other days grouped by rating; null when the plan reads nothing.
    /// </summary>
    internal static string? RollupSql(NpsCountQuery query, string dimension, UtcDayPlan plan, bool weights)
    {
        var parts = new List<string>();
        var rollupFilter = FilterSql(query, dimension) is not null ? " AND has_value AND value = ANY($3)" : "";
        if (plan.SpanFilterSql() is { } spans)
        {
            parts.Add(new StringBuilder("SELECT 0, ").Append(plan.PeriodOfDaySql("utc_day")).Append(", has_value, value, " + RollupKind + ", -1, ")
                .Append(UtcDayPlan.SummedWideColumns(weights)).Append(", min(min_p), max(max_p) FROM nps_response_days WHERE dimension = $1 AND ")
                .Append(spans).Append(rollupFilter).Append(" GROUP BY 2, 3, 4, 5").ToString());
        }

        if (plan.Months.Count > 0)
        {
            parts.Add($"SELECT 4, utc_day, has_value, value, {RollupKind}, -1, {UtcDayPlan.RowWideColumns(weights, c => c + "::bigint")}, min_p, max_p "
                + $"FROM nps_response_days WHERE dimension = $1 AND span = {UtcDayPlan.MonthSpan} AND utc_day IN ({plan.MonthsSql()}){rollupFilter}");
        }

        if (plan.RawRanges.Count > 0) parts.Add(RawSql(query, dimension, plan.RawRanges));
        if (plan.Splits.Count > 0)
        {
            parts.Add($"SELECT 2, utc_day, has_value, value, {RollupKind}, -1, {UtcDayPlan.RowWideColumns(weights, c => c + "::bigint")}, min_p, max_p "
                + $"FROM nps_response_days WHERE dimension = $1 AND span = 1 AND utc_day IN ({plan.SplitDaysSql()}){rollupFilter}");
        }

        if (plan.Splits.Count + plan.MonthSplits.Count > 0)
        {
            var value = Value(dimension);
            parts.Add(new StringBuilder("SELECT 3, (r.responded_at AT TIME ZONE 'UTC')::date - date '0001-01-01', ").Append(value).Append(" IS NOT NULL, coalesce(")
                .Append(value).Append(", ''), ").Append(RawKind("r.")).Append(", r.rating::integer, ").Append(UtcDayPlan.NarrowColumns("r.inclusion_probability"))
                .Append(", min(r.inclusion_probability), max(r.inclusion_probability) FROM nps_responses AS r WHERE (")
                .Append(Ranges(plan.SmallSides)).Append(')').Append(FilterSql(query, dimension)).Append(" GROUP BY 2, 3, 4, 5, 6").ToString());
        }

        return parts.Count == 0 ? null : string.Join("\nUNION ALL\n", parts);
    }

    /// <summary>The raw responses in some UTC tick ranges, per local period, value, manual flag and rating (part 1 of a planned read; $2 the zone).</summary>
    internal static string RawSql(NpsCountQuery query, string dimension, IReadOnlyList<(long From, long To)> ranges)
    {
        var period = query.Period switch
        {
            null => "0",
            Period.Day => "((r.responded_at AT TIME ZONE $2)::date - date '0001-01-01')",
            var kind => $"(date_trunc('{kind.ToString()!.ToLowerInvariant()}', r.responded_at AT TIME ZONE $2)::date - date '0001-01-01')",
        };
        var value = Value(dimension);
        return new StringBuilder("SELECT 1, ").Append(period).Append(", ").Append(value).Append(" IS NOT NULL, coalesce(").Append(value)
            .Append(", ''), ").Append(RawKind("r.")).Append(", r.rating::integer, ").Append(UtcDayPlan.NarrowColumns("r.inclusion_probability"))
            .Append(", min(r.inclusion_probability), max(r.inclusion_probability) FROM nps_responses AS r WHERE (")
            .Append(Ranges(ranges)).Append(')').Append(FilterSql(query, dimension)).Append(" GROUP BY 2, 3, 4, 5, 6").ToString();
    }

    /// <summary>
    /// The planned read's filter on the raw responses (<c>$3</c> the values), or null when the query has no filter or
    /// its rollup dimension is the (team, agent) pair, whose rows are filtered after reading.
    /// </summary>
    private static string? FilterSql(NpsCountQuery query, string dimension) =>
        query.Filter is { } filter && dimension != UtcDayPlan.TeamAgent && NpsCountQuery.BuiltInDimension(filter.Dimension) == dimension
            ? $" AND {Value(dimension)} = ANY($3)"
            : null;

    /// <summary>The filter's values as the last parameter (a <c>text[]</c>), when the query has a filter.</summary>
    private static void AddFilter(NpgsqlCommand command, NpsCountQuery query)
    {
        if (query.Filter is { } filter) command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = filter.Values.ToArray() });
    }

    private static string Value(string dimension) => dimension switch
    {
        "" => "NULL::text",
        "survey_kind" => "CASE r.kind WHEN 1 THEN 'relational' ELSE 'transactional' END",
        UtcDayPlan.TeamAgent => UtcDayPlan.PairValueSql("r.team", "r.agent", PostgreSqlRollupSchema.PairLength),
        _ => "r." + Column(dimension),
    };

    /// <summary>A filter on <c>responded_at</c> for tick ranges, as literals, so the planner sees how few rows they hold and scans the time index for each.</summary>
    private static string Ranges(IEnumerable<(long From, long To)> ranges) =>
        string.Join(" OR ", ranges.Select(k => $"(r.responded_at >= {Literal(k.From)} AND r.responded_at < {Literal(k.To)})"));

    /// <summary>A UTC instant in ticks as a <c>timestamptz</c> literal (microseconds: the ranges are whole days or a query's bounds, truncated as Npgsql truncates them).</summary>
    private static string Literal(long utcTicks) =>
        string.Create(CultureInfo.InvariantCulture, $"timestamptz '{new DateTime(utcTicks, DateTimeKind.Utc):yyyy-MM-dd HH:mm:ss.ffffff}+00'");

    /// <summary>The IANA name PostgreSQL converts with: the zone's id, or its IANA equivalent for a Windows id.</summary>
    internal static string ZoneName(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (zone == TimeZoneInfo.Utc) return "UTC";
        if (zone.HasIanaId) return zone.Id;
        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana)
            ? iana
            : throw new ArgumentException($"The time zone \"{zone.Id}\" has no IANA id, so PostgreSQL cannot convert to it.", nameof(zone));
    }

    /// <summary>The column of a built-in dimension (as <see cref="SurveyResponse.GetDimension(string)"/> names them), or null for a free attribute.</summary>
    internal static string? Column(string dimension) => NpsCountQuery.BuiltInDimension(dimension) switch
    {
        "survey_kind" => "CASE kind WHEN 1 THEN 'relational' ELSE 'transactional' END",
        var column => column, // the other built-in dimensions are columns of the same name; null for a free attribute
    };

    /// <summary>The first local day of the period holding an instant column in the zone <c>$3</c> (a <c>date</c>; NULL without a period).</summary>
    internal static string LocalPeriodSql(NpsCountQuery query, string column) => query.Period switch
    {
        null => "NULL::date",
        Period.Day => $"({column} AT TIME ZONE $3)::date",
        Period.Week => $"date_trunc('week', {column} AT TIME ZONE $3)::date",
        Period.Month => $"date_trunc('month', {column} AT TIME ZONE $3)::date",
        Period.Quarter => $"date_trunc('quarter', {column} AT TIME ZONE $3)::date",
        Period.Year => $"date_trunc('year', {column} AT TIME ZONE $3)::date",
        _ => throw new ArgumentOutOfRangeException(nameof(query), query.Period, "Unknown period."),
    };

    internal static string Sql(NpsCountQuery query)
    {
        var sql = new StringBuilder("SELECT ").Append(LocalPeriodSql(query, "responded_at"));

        var parameter = 4;
        var expressions = new List<string>();
        foreach (var dimension in query.Dimensions)
        {
            expressions.Add(Column(dimension) ?? $"attributes ->> ${parameter++}");
            sql.Append(", ").Append(expressions[^1]);
        }

        sql.Append(", rating, ").Append(RawKind("")).Append("""
            , count(*), sum(1.0 / inclusion_probability),
              sum((1.0 / inclusion_probability) * (1.0 / inclusion_probability)), min(inclusion_probability), max(inclusion_probability)
            FROM nps_responses
            WHERE responded_at >= $1 AND responded_at < $2
            """);
        if (query.Filter is { } filter) sql.Append(" AND ").Append(expressions[filter.IndexIn(query.Dimensions)]).Append(" = ANY($").Append(parameter).Append(')');
        sql.Append("\nGROUP BY 1");
        for (var column = 2; column <= query.Dimensions.Count + 3; column++) sql.Append(", ").Append(column);
        return sql.ToString();
    }
}

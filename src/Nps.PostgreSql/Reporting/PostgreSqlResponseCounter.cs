using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Nps.Segmentation;

namespace Nps.PostgreSql.Reporting;

/// <summary>
/// Reports counted in PostgreSQL: one <c>GROUP BY period, dimensions, rating, manual</c> over the stored responses,
/// with the local period computed by <c>AT TIME ZONE</c> in the query's IANA zone (correct across DST, from the
/// server's zone data), so a report reads a few hundred rows however many responses are stored.
/// </summary>
public sealed class PostgreSqlResponseCounter : INpsCountSource
{
    private readonly NpsPostgreSqlDatabase _database;

    /// <summary>Counts in a database (migrated with <see cref="NpsPostgreSqlDatabase.MigrateAsync"/>).</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlResponseCounter(NpsPostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The query's time zone has no IANA id PostgreSQL knows.</exception>
    public async IAsyncEnumerable<NpsCountRow> CountAsync(NpsCountQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var zone = ZoneName(query.TimeZone);
        await using var command = _database.DataSource.CreateCommand(Sql(query));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (query.From ?? DateTimeOffset.MinValue).UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (query.To ?? DateTimeOffset.MaxValue).UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = zone });
        foreach (var dimension in query.Dimensions)
        {
            if (Column(dimension) is null) command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = dimension });
        }

        NpgsqlDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidParameterValue)
        {
            throw new ArgumentException($"PostgreSQL does not know the time zone \"{zone}\": {e.MessageText}", nameof(query), e);
        }

        await using (reader.ConfigureAwait(false))
        {
            var dimensions = query.Dimensions.Count;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                TimeBucket? period = query.Period is { } kind ? TimeBucket.Containing(reader.GetFieldValue<DateOnly>(0), kind) : null;
                var values = new string?[dimensions];
                for (var d = 0; d < dimensions; d++) values[d] = reader.IsDBNull(1 + d) ? null : reader.GetString(1 + d);
                var at = 1 + dimensions;
                yield return new NpsCountRow(period, values, NpsRating.From(reader.GetInt16(at)), reader.GetBoolean(at + 1), reader.GetInt64(at + 2),
                    reader.GetDouble(at + 3), reader.GetDouble(at + 4), reader.GetDouble(at + 5), reader.GetDouble(at + 6));
            }
        }
    }

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

    internal static string Sql(NpsCountQuery query)
    {
        var sql = new StringBuilder("SELECT ");
        sql.Append(query.Period switch
        {
            null => "NULL::date",
            Period.Day => "(responded_at AT TIME ZONE $3)::date",
            Period.Week => "date_trunc('week', responded_at AT TIME ZONE $3)::date",
            Period.Month => "date_trunc('month', responded_at AT TIME ZONE $3)::date",
            Period.Quarter => "date_trunc('quarter', responded_at AT TIME ZONE $3)::date",
            Period.Year => "date_trunc('year', responded_at AT TIME ZONE $3)::date",
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Period, "Unknown period."),
        });

        var parameter = 4;
        foreach (var dimension in query.Dimensions)
        {
            sql.Append(", ").Append(Column(dimension) ?? $"attributes ->> ${parameter++}");
        }

        sql.Append("""
            , rating, is_manual, count(*), sum(1.0 / inclusion_probability),
              sum((1.0 / inclusion_probability) * (1.0 / inclusion_probability)), min(inclusion_probability), max(inclusion_probability)
            FROM nps_responses
            WHERE responded_at >= $1 AND responded_at < $2
            GROUP BY 1
            """);
        for (var column = 2; column <= query.Dimensions.Count + 3; column++) sql.Append(", ").Append(column);
        return sql.ToString();
    }
}

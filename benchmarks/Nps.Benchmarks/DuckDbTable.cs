using DuckDB.NET.Data;

namespace Nps.Benchmarks;

/// <summary>
/// The same columns loaded once into an in-memory DuckDB table (through the appender), so that a benchmark times
/// only DuckDB's GROUP BY, at a fixed thread count.
/// </summary>
internal sealed class DuckDbTable : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly DuckDBCommand _query;

    public DuckDbTable(int[] segments, byte[] ratings, int threads)
    {
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        Execute($"SET threads = {threads}");
        Execute("CREATE TABLE responses (seg INTEGER NOT NULL, rating UTINYINT NOT NULL)");
        using (var appender = _connection.CreateAppender("responses"))
        {
            for (var i = 0; i < ratings.Length; i++)
            {
                appender.CreateRow().AppendValue(segments[i]).AppendValue(ratings[i]).EndRow();
            }
        }

        _query = _connection.CreateCommand();
        _query.CommandText = "SELECT seg, rating, count(*) FROM responses GROUP BY seg, rating";
    }

    /// <summary>Runs the GROUP BY and returns the counts as a flat table, flat[seg * 11 + rating].</summary>
    public long[] GroupBy(int segmentCount)
    {
        var flat = new long[segmentCount * Kernels.Buckets];
        using var reader = _query.ExecuteReader();
        while (reader.Read())
        {
            flat[(reader.GetInt32(0) * Kernels.Buckets) + reader.GetByte(1)] = reader.GetInt64(2);
        }

        return flat;
    }

    public long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _query.Dispose();
        _connection.Dispose();
    }
}

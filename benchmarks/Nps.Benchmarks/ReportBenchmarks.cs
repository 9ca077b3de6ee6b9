using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using Nps.Samples.Console;

namespace Nps.Benchmarks;

/// <summary>
/// <c>nps report &lt;file&gt; --by segment</c> end to end, in-process (CSV parsing, validation, aggregation, intervals,
/// output to a null writer), on a 1 M-row CSV with 1,000 segments, against DuckDB reading the same file with
/// <c>read_csv</c> and grouping it (<c>GROUP BY segment, rating</c>), at 1 and 2 threads. Both read the file from
/// the OS page cache; neither includes process start-up.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private string _path = null!;
    private DuckDBConnection _duckDb1 = null!;
    private DuckDBConnection _duckDb2 = null!;

    [Params(1_000_000)]
    public int Rows { get; set; }

    internal string Path => _path;

    [GlobalSetup]
    public void Setup()
    {
        _path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"nps-bench-{Rows}-{Environment.ProcessId}.csv");
        var ratings = BenchmarkData.Ratings(Rows);
        var segments = BenchmarkData.Segments(Rows, 1_000, Skew.Zipf);
        using (var writer = new StreamWriter(_path, append: false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("segment,rating\n");
            for (var i = 0; i < Rows; i++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"S{segments[i]:D4},{ratings[i]}\n"));
            }
        }

        _duckDb1 = Open(1);
        _duckDb2 = Open(2);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _duckDb1.Dispose();
        _duckDb2.Dispose();
        File.Delete(_path);
    }

    [Benchmark(Baseline = true, Description = "DuckDB read_csv + GROUP BY, 1 thread")]
    public long DuckDb1() => DuckDbGroupBy(_duckDb1);

    [Benchmark(Description = "DuckDB read_csv + GROUP BY, 2 threads")]
    public long DuckDb2() => DuckDbGroupBy(_duckDb2);

    [Benchmark(Description = "nps report --by segment")]
    public int NpsReport() => Report(TextWriter.Null, "table");

    internal int Report(TextWriter output, string format) =>
        NpsCli.Run(["report", _path, "--by", "segment", "--format", format], output, TextWriter.Null);

    /// <summary>The grouped counts, read row by row like a client would; returns the total count.</summary>
    internal long DuckDbGroupBy(DuckDBConnection connection, Dictionary<(string, byte), long>? into = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT segment, rating, count(*) FROM read_csv('{_path}', header = true) GROUP BY segment, rating";
        using var reader = command.ExecuteReader();
        long total = 0;
        while (reader.Read())
        {
            var count = reader.GetInt64(2);
            total += count;
            if (into is not null) into[(reader.GetString(0), Convert.ToByte(reader.GetValue(1), CultureInfo.InvariantCulture))] = count;
        }

        return total;
    }

    internal DuckDBConnection DuckDbConnection => _duckDb1;

    private static DuckDBConnection Open(int threads)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SET threads = {threads}";
        command.ExecuteNonQuery();
        return connection;
    }
}

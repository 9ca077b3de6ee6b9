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

/// <summary>
/// The realistic export of issue 9: 2 M rows of <c>response_id, customer_id, rating, responded_at</c> (with +01:00
/// offsets), <c>team, agent, channel</c> and a quoted comment (about 170 MB), generated here, seeded.
/// <c>nps report --by team,agent --period month --time-zone Europe/Amsterdam --format json</c> to a null writer
/// (full validation: ratings, times with offsets and their plausibility, the zone's month buckets, duplicate
/// ids) vs DuckDB <c>read_csv</c> + <c>GROUP BY</c> of the same columns and local months, at 1 and 2 threads.
/// </summary>
[MemoryDiagnoser]
public class ExportReportBenchmarks
{
    private static readonly string[] Comments =
    [
        "Snel geholpen, dank je", "Lang gewacht, maar goed opgelost", "Ik moest drie keer bellen", "Prima", "Vriendelijk, al moest ik zelf nog een keer bellen",
    ];

    private DuckDBConnection _duckDb1 = null!;
    private DuckDBConnection _duckDb2 = null!;

    [Params(2_000_000)]
    public int Rows { get; set; }

    internal string Path { get; set; } = "";

    /// <summary>Writes the export (seeded) unless a file of that name exists.</summary>
    public static string Generate(int rows)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"nps-export-{rows}.csv");
        if (File.Exists(path))
        {
            return path;
        }

        var random = new Random(2026);
        var ratings = BenchmarkData.Ratings(rows);
        var channels = new[] { "phone", "chat", "email", "shop" };
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("response_id,customer_id,rating,responded_at,team,agent,channel,comment\n");
            for (var i = 0; i < rows; i++)
            {
                var team = random.Next(20);
                var at = start.AddSeconds(random.Next(365 * 24 * 3600));
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"R{i:D7},C{random.Next(500_000):D6},{ratings[i]},{at:yyyy-MM-dd'T'HH:mm:ss}+01:00,Team {team:D2},A{team:D2}-{random.Next(20):D2},{channels[random.Next(4)]},\"{Comments[random.Next(Comments.Length)]}, {i % 97}\"\n"));
            }
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }

    [GlobalSetup]
    public void Setup()
    {
        Path = Generate(Rows);
        _duckDb1 = OpenDuckDb(1);
        _duckDb2 = OpenDuckDb(2);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _duckDb1.Dispose();
        _duckDb2.Dispose();
    }

    [Benchmark(Baseline = true, Description = "DuckDB read_csv + GROUP BY team, agent, local month, rating; 1 thread")]
    public long DuckDb1() => DuckDbGroupBy(_duckDb1);

    [Benchmark(Description = "DuckDB read_csv + GROUP BY team, agent, local month, rating; 2 threads")]
    public long DuckDb2() => DuckDbGroupBy(_duckDb2);

    [Benchmark(Description = "nps report --by team,agent --period month --threads 1")]
    public int NpsReport1() => Report(TextWriter.Null, 1);

    [Benchmark(Description = "nps report --by team,agent --period month --threads 2")]
    public int NpsReport2() => Report(TextWriter.Null, 2);

    internal int Report(TextWriter output, int threads) =>
        NpsCli.Run(["report", Path, "--by", "team,agent", "--period", "month", "--time-zone", "Europe/Amsterdam", "--format", "json",
            "--threads", threads.ToString(CultureInfo.InvariantCulture)], output, TextWriter.Null);

    internal DuckDBConnection DuckDb(int threads) => threads == 1 ? _duckDb1 : _duckDb2;

    /// <summary>The grouped counts, read row by row as a client would; returns the total count.</summary>
    internal long DuckDbGroupBy(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT team, agent, strftime(timezone('Europe/Amsterdam', responded_at), '%Y-%m') AS month, rating, count(*)
            FROM read_csv('{Path}', header = true, columns = {ColumnTypes})
            GROUP BY ALL
            """;
        using var reader = command.ExecuteReader();
        long total = 0;
        while (reader.Read())
        {
            total += reader.GetInt64(4);
        }

        return total;
    }

    /// <summary>Counts per "team|agent|month" cell (for the cross-check).</summary>
    internal Dictionary<string, long> DuckDbCells(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT team, agent, strftime(timezone('Europe/Amsterdam', responded_at), '%Y-%m') AS month, count(*)
            FROM read_csv('{Path}', header = true, columns = {ColumnTypes})
            GROUP BY ALL
            """;
        using var reader = command.ExecuteReader();
        var cells = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            cells[$"{reader.GetString(0)}|{reader.GetString(1)}|{reader.GetString(2)}"] = reader.GetInt64(3);
        }

        return cells;
    }

    private const string ColumnTypes =
        "{'response_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'rating': 'UTINYINT', 'responded_at': 'TIMESTAMPTZ', 'team': 'VARCHAR', 'agent': 'VARCHAR', 'channel': 'VARCHAR', 'comment': 'VARCHAR'}";

    internal static DuckDBConnection OpenDuckDb(int threads)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SET threads = {threads}";
        command.ExecuteNonQuery();
        return connection;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Nps.Benchmarks;

/// <summary>
/// <c>--export-cold N [--tool DIR] [BEFORE_DIR]</c>: <c>nps report</c> as an outsider runs it — the installed tool
/// (<c>--tool</c>) and the framework-dependent build, each in a fresh process per run, on an
/// export as users' files are (BOM, CRLF, Europe/Amsterdam offsets across both DST changes, nine columns, comments
/// quoted at random) — against DuckDB in a fresh process per run, pinned to one core with <c>taskset -c 0</c> (a
/// one-vCPU container) and unpinned. A fresh process is the point: in-process benchmarks measure warmed-up code, while
/// a one-shot run on one core depends on how soon the JIT gets to optimise the per-record methods.
/// Each run's wall time and CPU time (user + system, from <c>getrusage(RUSAGE_CHILDREN)</c>) are recorded; CPU time is
/// what to read on a shared machine, because other processes steal wall time from a pinned run, not CPU time.
/// <c>--duckdb-once PATH THREADS</c> is the child that runs DuckDB's query once.
/// </summary>
internal static class ColdExportRun
{
    public const int Rows = 2_500_000;

    /// <summary>The start-up case's export: small enough that starting the process is most of the run.</summary>
    public const int SmallRows = 5_000;

    private const string ColumnTypes =
        "{'response_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'rating': 'UTINYINT', 'responded_at': 'TIMESTAMPTZ', 'team': 'VARCHAR', " +
        "'agent': 'VARCHAR', 'channel': 'VARCHAR', 'product': 'VARCHAR', 'comment': 'VARCHAR'}";

    private static readonly string[] Comments =
    [
        "Snel geholpen, dank je", "Lang gewacht, maar \"goed\" opgelost", "Ik moest drie keer bellen", "Prima",
        "Vriendelijk; al moest ik zelf nog een keer bellen", "Top", "De monteur was er binnen een uur, heel fijn geregeld",
    ];

    /// <param name="runs">Runs of each case, interleaved.</param>
    /// <param name="tool">Optional folder holding the shipped <c>nps</c>: on linux-x64 the Native AOT executable of the
    /// <c>Nps.Tool.linux-x64</c> package (the <c>--tool-path</c> folder of <c>dotnet tool install</c>). Timed as "nps";
    /// the framework-dependent build next to this program (the <c>Nps.Tool.any</c> package's code) is then timed too,
    /// as "nps any". Without it "nps" is that framework-dependent build.</param>
    /// <param name="before">Optional folder of another build of the tool (e.g. the previous commit's
    /// <c>samples/Nps.Samples.Console/bin/Release/net10.0</c>), timed pinned as "nps-1 pinned, before".</param>
    public static int Run(int runs, string? tool, string? before)
    {
        var path = Generate(Rows);
        var small = Generate(SmallRows);
        var any = Path.Combine(AppContext.BaseDirectory, "nps");
        var nps = tool is null ? any : Path.Combine(tool, "nps");
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var report = $"report {path} --by team,agent --period month --time-zone Europe/Amsterdam --format json";

        // Both answer the same question: per (team, agent, local month) the same counts.
        var duck = DuckCells(path);
        foreach (var build in tool is null ? [nps] : new[] { nps, any })
        {
            var (output, _, _) = Child(build, report + " --threads 2", pinned: false, environment: null);
            var cells = NpsCells(output);
            var same = cells.Count == duck.Count && cells.All(p => duck.TryGetValue(p.Key, out var n) && n == p.Value);
            Console.WriteLine($"cross-check {build}: {cells.Count} cells, {(same ? "counts equal DuckDB's" : "COUNTS DIFFER FROM DuckDB")}");
            if (!same) return 1;
        }

        // "default tiering" sets the runtime's default call-counting delay through the environment, which takes
        // precedence over the framework-dependent tool's runtimeconfig: its setting off and on in the same run.
        var defaultTiering = new Dictionary<string, string> { ["DOTNET_TC_CallCountingDelayMs"] = "100" };
        var cases = new List<(string Name, string File, string Arguments, bool Pinned, Dictionary<string, string>? Environment)>
        {
            ("duckdb-1 pinned", self, $"--duckdb-once {path} 1", true, null),
            ("nps-1 pinned", nps, report + " --threads 1", true, null),
            ("nps any-1 pinned", any, report + " --threads 1", true, null),
            ("nps any-1 pinned, default tiering", any, report + " --threads 1", true, defaultTiering),
            ("duckdb-1", self, $"--duckdb-once {path} 1", false, null),
            ("nps-1", nps, report + " --threads 1", false, null),
            ("nps any-1", any, report + " --threads 1", false, null),
            ("duckdb-2", self, $"--duckdb-once {path} 2", false, null),
            ("nps-2", nps, report + " --threads 2", false, null),
            ("nps any-2", any, report + " --threads 2", false, null),
            // Start-up: a small command must stay quick (5,000 rows, the default text table).
            ("nps small pinned", nps, $"report {small} --by team", true, null),
            ("nps any small pinned", any, $"report {small} --by team", true, null),
        };
        if (tool is null) cases.RemoveAll(c => c.Name.StartsWith("nps any", StringComparison.Ordinal) && !c.Name.Contains("default", StringComparison.Ordinal));
        if (before is not null) cases.Insert(4, ("nps-1 pinned, before", Path.Combine(before, "nps"), report + " --threads 1", true, null));
        var wall = cases.ToDictionary(c => c.Name, _ => new List<double>());
        var cpu = cases.ToDictionary(c => c.Name, _ => new List<double>());
        for (var i = 0; i < runs; i++)
        {
            foreach (var c in cases)
            {
                var (_, w, u) = Child(c.File, c.Arguments, c.Pinned, c.Environment);
                wall[c.Name].Add(w);
                cpu[c.Name].Add(u);
            }
        }

        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        Console.WriteLine($"{"",-32} {"wall (median)",14} {"CPU (median)",14}  wall runs");
        foreach (var c in cases)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{c.Name,-32} {Median(wall[c.Name]),11:F0} ms {Median(cpu[c.Name]),11:F0} ms  {string.Join(" ", wall[c.Name].Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}"));
        }

        void Ratio(string a, string b) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{a} / {b}: wall {Median(wall[a]) / Median(wall[b]):F2}, CPU {Median(cpu[a]) / Median(cpu[b]):F2}"));
        foreach (var c in cases.Where(c => c.Name.StartsWith("nps", StringComparison.Ordinal) && !c.Name.Contains("small", StringComparison.Ordinal)))
        {
            Ratio(c.Name, c.Name.EndsWith("-2", StringComparison.Ordinal) ? "duckdb-2" : c.Pinned ? "duckdb-1 pinned" : "duckdb-1");
        }

        return 0;
    }

    /// <summary>The child: DuckDB's read_csv + GROUP BY once, at the given thread count; prints the total.</summary>
    public static int DuckDbOnce(string path, int threads)
    {
        using var connection = ExportReportBenchmarks.OpenDuckDb(threads);
        using var command = connection.CreateCommand();
        command.CommandText = Query(path, withRating: true);
        using var reader = command.ExecuteReader();
        long total = 0;
        while (reader.Read()) total += reader.GetInt64(4);
        Console.WriteLine(total.ToString(CultureInfo.InvariantCulture));
        return 0;
    }

    /// <summary>Writes the export (seeded) unless a file of that name exists.</summary>
    public static string Generate(int rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"nps-outsider-export-{rows}.csv");
        if (File.Exists(path)) return path;

        var random = new Random(2026);
        var ratings = BenchmarkData.Ratings(rows);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        string[] channels = ["phone", "chat", "email", "shop"];
        string[] products = ["internet", "tv", "mobile", "energy"];
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16))
        {
            writer.Write("response_id,customer_id,rating,responded_at,team,agent,channel,product,comment\r\n");
            for (var i = 0; i < rows; i++)
            {
                var team = random.Next(20);
                var at = TimeZoneInfo.ConvertTime(start.AddSeconds(random.Next(365 * 24 * 3600)), zone);
                var comment = Comments[random.Next(Comments.Length)];
                var field = random.Next(3) switch
                {
                    0 => Quote(comment + ", " + (i % 97).ToString(CultureInfo.InvariantCulture)),
                    1 when comment.Contains('"') || comment.Contains(',') => Quote(comment),
                    1 => comment,
                    _ => "",
                };
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"R{i:D7},C{random.Next(500_000):D6},{ratings[i]},{at:yyyy-MM-dd'T'HH:mm:sszzz},Team {team:D2},A{team:D2}-{random.Next(20):D2},{channels[random.Next(4)]},{products[random.Next(4)]},{field}\r\n"));
            }
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Query(string path, bool withRating) => $"""
        SELECT team, agent, strftime(timezone('Europe/Amsterdam', responded_at), '%Y-%m') AS month{(withRating ? ", rating" : "")}, count(*)
        FROM read_csv('{path}', header = true, columns = {ColumnTypes})
        GROUP BY ALL
        """;

    private static Dictionary<string, long> DuckCells(string path)
    {
        using var connection = ExportReportBenchmarks.OpenDuckDb(2);
        using var command = connection.CreateCommand();
        command.CommandText = Query(path, withRating: false);
        using var reader = command.ExecuteReader();
        var cells = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read()) cells[$"{reader.GetString(0)}|{reader.GetString(1)}|{reader.GetString(2)}"] = reader.GetInt64(3);
        return cells;
    }

    private static Dictionary<string, long> NpsCells(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.GetProperty("segments").EnumerateArray().ToDictionary(
            c => string.Join("|", c.GetProperty("dimensions").EnumerateObject().Select(p => p.Value.GetString())),
            c => c.GetProperty("count").GetInt64());
    }

    /// <summary>Runs one child to its end; returns its standard output, wall time and CPU time (ms).</summary>
    private static (string Output, double Wall, double Cpu) Child(string file, string arguments, bool pinned, Dictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo(pinned ? "taskset" : file, pinned ? $"-c 0 {file} {arguments}" : arguments)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? []) info.Environment[key] = value;
        var before = ChildrenCpuMilliseconds();
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var wall = stopwatch.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}");
        return (output, wall, ChildrenCpuMilliseconds() - before);
    }

    private static double ChildrenCpuMilliseconds()
    {
        const int RusageChildren = -1;
        if (GetRusage(RusageChildren, out var usage) != 0) throw new InvalidOperationException("getrusage failed");
        return (usage.UserSeconds + usage.SystemSeconds) * 1000.0 + (usage.UserMicroseconds + usage.SystemMicroseconds) / 1000.0;
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetRusage(int who, out RUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        private readonly long _maxRss, _ixRss, _idRss, _isRss, _minFlt, _majFlt, _nSwap, _inBlock, _ouBlock, _msgSnd, _msgRcv, _nSignals, _nvCsw, _nivCsw;
    }
}

using System.Globalization;
using System.Text;
using Nps.Segmentation;

namespace Nps.Data.Tests;

public sealed class NpsReportReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nps-data-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static string Export(int rows, Func<int, string?>? replace = null)
    {
        var text = new StringBuilder("response_id,customer_id,rating,responded_at,team,agent,channel,comment\n");
        for (var i = 0; i < rows; i++)
        {
            var line = replace?.Invoke(i) ?? string.Create(CultureInfo.InvariantCulture,
                $"R{i},C{i % 997},{i % 11},2025-{1 + (i % 12):D2}-{1 + (i % 28):D2}T{i % 24:D2}:30:00+01:00,T{i % 5},A{i % 40},{(i % 2 == 0 ? "phone" : "chat")},\"fine, {(i % 7 == 0 ? "really\nreally" : "ok")}\"\n");
            text.Append(line);
        }

        return text.ToString();
    }

    private static NpsReportOptions Options => new()
    {
        Dimensions = ["team", "agent"],
        Period = Period.Month,
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"),
        MinimumCount = 1,
    };

    private static (NpsReportReadResult Result, List<DataError> Rejected) Read(string path, bool skip, int threads)
    {
        Assert.True(NpsReportReader.TryOpen(path, TestData.Options(skip), out var reader, out var error), error.Message);
        using (reader)
        {
            var rejected = new List<DataError>();
            return (reader!.Read(Options, rejected.Add, threads, minimumBytesPerThread: 4096), rejected);
        }
    }

    private static List<string> Cells(NpsReport report) =>
        [.. report.Cells.Select(c => string.Join("|", c.Dimensions.Select(d => $"{d.Key}:{d.Value}")) + "=" + string.Join(",", c.Distribution.Counts.ToArray()))];

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    public void Read_SplitAcrossThreads_SameReportAsOneThread(int threads)
    {
        var path = Write("export.csv", Export(5_000));

        var one = Read(path, skip: false, threads: 1).Result;
        var many = Read(path, skip: false, threads).Result;

        Assert.Null(many.Failure);
        Assert.Equal(5_000, many.Records);
        Assert.Equal(Cells(one.Report!), Cells(many.Report!));
        Assert.Equal(one.Report!.Overall.Distribution, many.Report!.Overall.Distribution);
    }

    [Fact]
    public void Read_ErrorsInSeveralStretches_SameLinesAndOrderAsOneThread()
    {
        var path = Write("errors.csv", Export(5_000, i => i % 1_000 == 500 ? $"R{i},C1,12,2025-01-01T10:00:00+01:00,T,A,phone,x\n" : null));

        var (one, oneRejected) = Read(path, skip: true, threads: 1);
        var (many, manyRejected) = Read(path, skip: true, threads: 4);

        Assert.Equal(5, many.Rejected);
        Assert.Equal(oneRejected, manyRejected);
        Assert.Equal(Cells(one.Report!), Cells(many.Report!));
    }

    [Fact]
    public void Read_DuplicateIdAcrossStretches_FoundWithItsFirstLine()
    {
        var path = Write("duplicates.csv", Export(5_000, i => i == 4_900 ? "R10,C1,9,2025-01-01T10:00:00+01:00,T,A,phone,x\n" : null));

        var (result, _) = Read(path, skip: false, threads: 4);

        Assert.Null(result.Report);
        Assert.Equal(5_602, result.Failure!.Value.Line); // row 4,900: after the header and 700 two-line comments
        Assert.EndsWith("column response_id: duplicate response_id 'R10' (first seen on line 14)", result.Failure!.Value.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StrictAcrossThreads_StopsAtTheFirstErrorInFileOrder()
    {
        var path = Write("strict.csv", Export(5_000, i => i is 3_000 or 4_000 ? $"R{i},C1,x,2025-01-01T10:00:00+01:00,T,A,phone,x\n" : null));

        var one = Read(path, skip: false, threads: 1).Result;
        var many = Read(path, skip: false, threads: 4).Result;

        Assert.Equal(one.Failure, many.Failure);
        Assert.Contains("rating must be an integer from 0 to 10, got 'x'", many.Failure!.Value.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SurveyKindDimension_UsesTheParsedKind()
    {
        var path = Write("kinds.csv", "rating,responded_at,survey_kind\n9,2025-01-01T10:00:00Z,Relational\n3,2025-01-01T10:00:00Z,\n");
        Assert.True(NpsReportReader.TryOpen(path, TestData.Options(), out var reader, out _));
        using (reader)
        {
            var result = reader!.Read(new NpsReportOptions { Dimensions = ["survey_kind"], MinimumCount = 1 });

            Assert.Equal(["relational", "transactional"], result.Report!.Cells.Select(c => c.Dimensions["survey_kind"]).Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void BytesRead_AfterTheRead_IsTheFileLength(int threads)
    {
        var path = Write("progress.csv", Export(3_000));
        Assert.True(NpsReportReader.TryOpen(path, TestData.Options(), out var reader, out var error), error.Message);
        using (reader)
        {
            Assert.Equal(0, reader!.BytesRead);

            var result = reader.Read(Options, null, threads, minimumBytesPerThread: 4096);

            Assert.Equal(3_000, result.Records);
            Assert.Equal(new FileInfo(path).Length, reader.BytesRead);
        }
    }
}

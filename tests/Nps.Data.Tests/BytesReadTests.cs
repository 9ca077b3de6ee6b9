using System.Globalization;
using System.Text;
using Nps.Segmentation;

namespace Nps.Data.Tests;

/// <summary><see cref="NpsReportReader.BytesRead"/>, which a host polls to show progress.</summary>
public sealed class BytesReadTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nps-data-bytes-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void BytesRead_AfterTheRead_IsTheFileLength(int threads)
    {
        var text = new StringBuilder("response_id,rating,team\n");
        for (var i = 0; i < 3_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"R{i},{i % 11},T{i % 3}\n");
        }

        var path = Path.Combine(_directory, "export.csv");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        Assert.True(NpsReportReader.TryOpen(path, TestData.Options(), out var reader, out var error), error.Message);
        using (reader)
        {
            Assert.Equal(0, reader!.BytesRead);

            var result = reader.Read(new NpsReportOptions { Dimensions = ["team"] }, null, threads, minimumBytesPerThread: 4096);

            Assert.Equal(3_000, result.Records);
            Assert.Equal(new FileInfo(path).Length, reader.BytesRead);
        }
    }
}

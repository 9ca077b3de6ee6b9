using System.Globalization;
using System.Text;

namespace Nps.Data.Tests;

/// <summary>The CSV reader finds fields through a 64-byte stop mask; fields of every length must end exactly where they do.</summary>
public sealed class CsvFieldScanTests
{
    [Theory]
    [InlineData(1_000_000)]
    [InlineData(64)]
    [InlineData(7)]
    public void Read_FieldsOfEveryLengthAcrossBlockAndBufferEdges_ExactValues(int chunk)
    {
        var random = new Random(64);
        var rows = new List<(string Team, string Agent, string Channel)>();
        var text = new StringBuilder("response_id,rating,responded_at,team,agent,channel\n");
        for (var i = 0; i < 3_000; i++)
        {
            string Value(int max) => new(Enumerable.Range(0, random.Next(1, max)).Select(_ => (char)('a' + random.Next(26))).ToArray());
            var row = (Value(3 + (i % 140)), Value(70), Value(i % 3 == 0 ? 200 : 5));
            rows.Add(row);
            text.Append(CultureInfo.InvariantCulture, $"R{i},{i % 11},2026-03-14T10:15:00+01:00,{row.Item1},{row.Item2},{row.Item3}\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var (responses, errors, _) = TestData.ReadResponses(new ChunkedStream(bytes, [chunk]), DataFormat.Csv, TestData.Options());

        Assert.Empty(errors);
        Assert.Equal(rows, responses.Select(r => (r.Team!, r.Agent!, r.Channel!)));
        Assert.Equal(Enumerable.Range(0, 3_000).Select(i => i % 11), responses.Select(r => r.Rating.Value));
    }
}

using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Nps.Data.Tests;

public sealed class RoundTripPropertyTests
{
    private static readonly string[] Pieces = ["a", "Zoë", "x,y", "say \"hi\"", "two\nlines", "crlf\r\nhere", " ", "", ";", "\t", "☕"];

    /// <summary>Valid records: a rating, a team and a comment drawn from awkward pieces (quotes, delimiters, line breaks).</summary>
    private static Gen<(int Rating, string Team, string Comment)[]> Records =>
        Gen.Choose(0, 10).SelectMany(rating =>
                Gen.Elements(Pieces).ArrayOf().SelectMany(team =>
                    Gen.Elements(Pieces).ArrayOf().Select(comment => (rating, string.Concat(team), string.Concat(comment)))))
            .ArrayOf();

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Csv((int Rating, string Team, string Comment)[] records, string delimiter, string newline)
    {
        var text = new StringBuilder($"rating{delimiter}responded_at{delimiter}team{delimiter}comment{newline}");
        foreach (var (rating, team, comment) in records)
        {
            text.Append(rating).Append(delimiter).Append("2026-03-14T10:00:00+01:00").Append(delimiter)
                .Append(Quote(team)).Append(delimiter).Append(Quote(comment)).Append(newline);
        }

        return text.ToString();
    }

    private static string JsonLines((int Rating, string Team, string Comment)[] records)
    {
        var text = new StringBuilder();
        foreach (var (rating, team, comment) in records)
        {
            text.Append("{\"rating\":").Append(rating).Append(",\"responded_at\":\"2026-03-14T10:00:00+01:00\",\"team\":")
                .Append(System.Text.Json.JsonSerializer.Serialize(team)).Append(",\"comment\":")
                .Append(System.Text.Json.JsonSerializer.Serialize(comment)).Append("}\n");
        }

        return text.ToString();
    }

    private static List<(int, string?, string?)> Read(byte[] bytes, int[] chunks, DataFormat format)
    {
        var (responses, errors, _) = TestData.ReadResponses(new ChunkedStream(bytes, chunks), format, TestData.Options());
        Assert.Empty(errors);
        return [.. responses.Select(r => ((int)r.Rating.Value, r.Team, r.Comment))];
    }

    private static List<(int, string?, string?)> Expected((int Rating, string Team, string Comment)[] records) =>
        [.. records.Select(r => (r.Rating, r.Team.Length == 0 ? null : r.Team, string.IsNullOrWhiteSpace(r.Comment) ? null : r.Comment))];

    [Property(MaxTest = 200)]
    public Property Read_AnySplitOfAValidCsv_GivesTheSameRecords() =>
        Prop.ForAll(Records.ToArbitrary(), Gen.Choose(1, 97).ArrayOf().Where(a => a.Length > 0).ToArbitrary(),
            Gen.Elements((",", "\n"), (";", "\r\n"), ("\t", "\n"), (",", "\r\n")).ToArbitrary(),
            (records, chunks, format) =>
            {
                var bytes = Encoding.UTF8.GetBytes(Csv(records, format.Item1, format.Item2));
                var whole = Read(bytes, [bytes.Length + 1], DataFormat.Csv);
                var split = Read(bytes, chunks, DataFormat.Csv);
                return whole.SequenceEqual(split) && whole.SequenceEqual(Expected(records));
            });

    [Property(MaxTest = 200)]
    public Property Read_AnySplitOfValidJsonLines_GivesTheSameRecords() =>
        Prop.ForAll(Records.ToArbitrary(), Gen.Choose(1, 97).ArrayOf().Where(a => a.Length > 0).ToArbitrary(),
            (records, chunks) =>
            {
                var bytes = Encoding.UTF8.GetBytes(JsonLines(records));
                var whole = Read(bytes, [bytes.Length + 1], DataFormat.JsonLines);
                var split = Read(bytes, chunks, DataFormat.JsonLines);
                return whole.SequenceEqual(split) && whole.SequenceEqual(Expected(records));
            });
}

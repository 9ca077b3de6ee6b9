using System.Text.Json;
using FsCheck.Xunit;
using Nps.Segmentation;
using Nps.Serialization;

namespace Nps.Tests.Serialization;

public sealed class NpsJsonTests
{
    [Fact]
    public void Serialize_AnyDocument_IndentedTwoSpacesWithLineFeedsOnly()
    {
        var json = NpsJson.Serialize(new SampleSizePlanDocument(5, 0.95, null, null, 1537));

        Assert.Equal("{\n  \"margin\": 5,\n  \"level\": 0.95,\n  \"promoters\": null,\n  \"detractors\": null,\n  \"responses\": 1537\n}", json);
    }

    [Fact]
    public void Serialize_Accents_WrittenAsIs()
    {
        var document = new ThemeExampleDocument("R1", 3, "Très lent – \"echt\"");

        Assert.Equal("{\n  \"responseId\": \"R1\",\n  \"rating\": 3,\n  \"comment\": \"Très lent – \\\"echt\\\"\"\n}", NpsJson.Serialize(document));
    }

    [Fact]
    public void TypeInfo_NotADocument_NotSupportedNamingIt()
    {
        var e = Assert.Throws<NotSupportedException>(() => NpsJson.TypeInfo<Uri>());

        Assert.Equal("Uri is not a document of the Nps wire contract.", e.Message);
    }

    [Fact]
    public async Task SerializeAsync_SameBytesAsSerialize()
    {
        var document = NpsReportDocument.From(new NpsReportBuilder(new NpsReportOptions()).Build());
        using var stream = new MemoryStream();

        await NpsJson.SerializeAsync(stream, document, TestContext.Current.CancellationToken);

        Assert.Equal(NpsJson.Serialize(document), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>A report with every kind of value: escaped and unescaped text, missing values, weights, manual sends, tests, empty periods.</summary>
    private static NpsReportDocument TrickyReport()
    {
        var builder = new NpsReportBuilder(new NpsReportOptions { Dimensions = ["team", "agent"], Period = Period.Month, MinimumCount = 2 });
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        string[] teams = ["Très lent – \"echt\"", "a\\b\u0001\n\t<script>&'+", "😀 \ud83d", "plain"];
        for (var i = 0; i < 400; i++)
        {
            builder.Add(start.AddDays(i % 90), NpsRating.From(i % 11), [teams[i % 4], i % 7 == 0 ? null : $"agent-{i % 5}"], i % 3 == 0 ? 0.5 : 1, i % 13 == 0);
        }

        return NpsReportDocument.From(builder.Build(), rejected: 3);
    }

    [Fact]
    public void Serialize_Report_SameBytesAsTheSerializersMetadataPath()
    {
        var document = TrickyReport();

        Assert.Equal(NpsJson.SerializeThroughMetadata(document), NpsJson.Serialize(document));
    }

    [Fact]
    public void Serialize_OtherDocuments_SameBytesAsTheSerializersMetadataPath()
    {
        var theme = new ThemeExampleDocument("R1", 3, "Très lent – \"echt\" \u0002");
        var plan = new SampleSizePlanDocument(5, 0.95, null, 1e-300, 1537);
        var empty = NpsReportDocument.From(new NpsReportBuilder(new NpsReportOptions()).Build());

        Assert.Equal(NpsJson.SerializeThroughMetadata(theme), NpsJson.Serialize(theme));
        Assert.Equal(NpsJson.SerializeThroughMetadata(plan), NpsJson.Serialize(plan));
        Assert.Equal(NpsJson.SerializeThroughMetadata(empty), NpsJson.Serialize(empty));
    }

    [Fact]
    public async Task SerializeAsync_BufferWriterBytesAndStream_SameBytesAsSerialize()
    {
        var document = TrickyReport();
        var expected = NpsJson.Serialize(document);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using var stream = new MemoryStream();

        NpsJson.Serialize(buffer, document);
        await NpsJson.SerializeAsync(stream, document, TestContext.Current.CancellationToken);

        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(NpsJson.SerializeToUtf8Bytes(document)));
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Theory]
    [InlineData(1.0 / 3)]
    [InlineData(0.1 + 0.2)]
    [InlineData(-33.333333333333336)]
    [InlineData(double.Epsilon)]
    [InlineData(1e-300)]
    public void Serialize_Double_RoundTripsExactly(double value)
    {
        var json = NpsJson.Serialize(new NpsCategoryCountsDocument(1, 0, 0, 1, value));

        Assert.Equal(value, NpsJson.Deserialize<NpsCategoryCountsDocument>(json)!.Nps);
        Assert.Equal(value, JsonDocument.Parse(json).RootElement.GetProperty("nps").GetDouble());
    }

    [Property(MaxTest = 2000)]
    public bool Serialize_AnyDouble_FiniteRoundTripsBitForBitElseNull(double value)
    {
        var back = NpsJson.Deserialize<NpsIntervalDocument>(NpsJson.Serialize(NpsIntervalDocument.From(new NpsInterval(value, value, value, 0.95, IntervalMethod.Wald))))!;
        return double.IsFinite(value)
            ? BitConverter.DoubleToInt64Bits(back.Lower!.Value) == BitConverter.DoubleToInt64Bits(value)
            : back.Lower is null && back.Upper is null;
    }

    [Property(MaxTest = 500)]
    public bool Serialize_AnyCounts_NpsExactlyTheLibrarysScore(ushort detractors, ushort passives, ushort promoters)
    {
        var counts = new NpsCategoryCounts(detractors, passives, promoters);
        var back = NpsJson.Deserialize<NpsCategoryCountsDocument>(NpsJson.Serialize(NpsCategoryCountsDocument.From(counts)))!;
        return counts.IsEmpty ? back.Nps is null : back.Nps == counts.Score;
    }

    [Fact]
    public void Finite_NaNAndInfinities_Null()
    {
        var interval = NpsIntervalDocument.From(new NpsInterval(double.NaN, double.PositiveInfinity, 0, 0.9, IntervalMethod.Score));

        Assert.Equal((null, null, 0.9, "score"), (interval.Lower, interval.Upper, interval.Level, interval.Method));
        Assert.Contains("\"lower\": null", NpsJson.Serialize(new SignalEvidenceDocument(0, null, interval, null, [], "peers", null, 0, null, null, false, "")), StringComparison.Ordinal);
    }
}

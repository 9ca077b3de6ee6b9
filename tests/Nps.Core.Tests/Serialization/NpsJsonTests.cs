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

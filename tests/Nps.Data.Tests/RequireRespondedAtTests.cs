namespace Nps.Data.Tests;

/// <summary><see cref="DataReaderOptions.RequireRespondedAt"/>: themes read files without a time column.</summary>
public sealed class RequireRespondedAtTests
{
    [Fact]
    public void Read_NoTimeColumnByDefault_IsAnErrorNamingTheColumn()
    {
        var (responses, errors, _) = TestData.ReadResponses("rating,comment\n9,fine\n");

        Assert.Empty(responses);
        Assert.Equal("line 2, column responded_at: responded_at is required", Assert.Single(errors).Message);
    }

    [Fact]
    public void Read_NoTimeColumnNotRequired_ReadsWithMinValue()
    {
        var options = TestData.Options() with { RequireRespondedAt = false };

        var (responses, errors, _) = TestData.ReadResponses(TestData.Utf8("rating,comment\n9,fine\n3,slow\n"), DataFormat.Csv, options);

        Assert.Empty(errors);
        Assert.Equal([9, 3], responses.Select(r => r.Rating.Value));
        Assert.All(responses, r => Assert.Equal(DateTimeOffset.MinValue, r.RespondedAt));
        Assert.Equal("slow", responses[1].Comment);
    }

    [Fact]
    public void Read_BadTimeNotRequired_IsStillAnError()
    {
        var options = TestData.Options() with { RequireRespondedAt = false };

        var (responses, errors, _) = TestData.ReadResponses(TestData.Utf8("rating,responded_at\n9,\n9,yesterday\n"), DataFormat.Csv, options);

        Assert.Single(responses);
        Assert.StartsWith("line 3, column responded_at: ", Assert.Single(errors).Message, StringComparison.Ordinal);
    }
}

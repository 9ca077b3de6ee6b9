namespace Nps.Data.Tests;

/// <summary>The example of docs/data.md, as written there, with its comments checked.</summary>
public sealed class ReadmeDataExampleTests
{
    [Fact]
    public void ReadingData_ReadmeExample_KeepsTheValidRowAndRejectsTheOther()
    {
        var options = new DataReaderOptions { SkipInvalid = true };
        using var stream = new MemoryStream("rating,responded_at,team\n9,2026-03-14T10:00:00+01:00,Billing\n11,2026-03-14T11:00:00+01:00,Sales\n"u8.ToArray());
        Assert.True(SurveyResponseReader.TryOpen(stream, DataFormat.Csv, options, out var reader, out _));
        using (reader)
        {
            var rejected = new List<DataError>();
            var responses = reader!.ReadAll(rejected.Add).ToList();

            Assert.Equal(("Billing", 9), (Assert.Single(responses).Team, (int)responses[0].Rating.Value));
            Assert.Equal("line 3, column rating: rating must be an integer from 0 to 10, got '11'", Assert.Single(rejected).Message);
        }
    }
}

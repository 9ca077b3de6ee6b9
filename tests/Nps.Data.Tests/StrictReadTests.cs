namespace Nps.Data.Tests;

/// <summary>A strict read cannot stop silently: the first bad record throws a <see cref="DataException"/> carrying its <see cref="DataError"/>.</summary>
public sealed class StrictReadTests
{
    [Fact]
    public void ReadAll_StrictSecondRowWithoutOffset_ThrowsDataExceptionWithTheError()
    {
        using var stream = new MemoryStream("rating,responded_at\n9,2026-03-14T10:00:00+01:00\n7,2026-03-14T11:00:00\n"u8.ToArray());
        Assert.True(SurveyResponseReader.TryOpen(stream, DataFormat.Csv, null, out var reader, out _));
        using (reader)
        {
            var read = new List<SurveyResponse>();

            var error = Assert.Throws<DataException>(() => { foreach (var response in reader!.ReadAll()) read.Add(response); });

            Assert.Single(read);
            Assert.Equal(3, error.Error.Line);
            Assert.Equal("responded_at", error.Error.Field);
            Assert.Equal(error.Error.Message, error.Message);
            Assert.Equal(error.Error, reader!.Failure);
        }
    }

    [Fact]
    public void ReadAll_SkippingBadRow_NoExceptionAndTheRowReported()
    {
        using var stream = new MemoryStream("rating,responded_at\n9,2026-03-14T10:00:00+01:00\n7,2026-03-14T11:00:00\n"u8.ToArray());
        Assert.True(SurveyResponseReader.TryOpen(stream, DataFormat.Csv, new DataReaderOptions { SkipInvalid = true }, out var reader, out _));
        using (reader)
        {
            var rejected = new List<DataError>();
            Assert.Single(reader!.ReadAll(rejected.Add).ToList());
            Assert.Equal(3, Assert.Single(rejected).Line);
        }
    }
}

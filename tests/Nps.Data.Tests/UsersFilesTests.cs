namespace Nps.Data.Tests;

/// <summary>Files as users have them: ratings written with their scale label, and columns under the user's own names.</summary>
public sealed class UsersFilesTests
{
    [Theory]
    [InlineData("10 - Extremely likely", 10)]
    [InlineData("0 - Not at all likely", 0)]
    [InlineData("10 (zeer waarschijnlijk)", 10)]
    [InlineData("Zeer waarschijnlijk 10", 10)]
    [InlineData(" 9 ", 9)]
    [InlineData("7: neutraal", 7)]
    [InlineData("Score: 3", 3)]
    [InlineData("5 – neutraal", 5)]
    public void TryParseRating_LabelledAnswer_ReadAsItsRating(string text, int expected)
    {
        Assert.True(FieldParsers.TryParseRating(text, "rating", out var rating, out var error), error.Message);
        Assert.Equal(expected, rating.Value);
    }

    [Theory]
    [InlineData("9/10")]
    [InlineData("9.5")]
    [InlineData("9,5")]
    [InlineData("0-10")]
    [InlineData("-1")]
    [InlineData("rating -1")]
    [InlineData("11 - Extremely likely")]
    [InlineData("9x")]
    [InlineData("x9")]
    [InlineData("10 -")]
    [InlineData("( 9 )")]
    [InlineData("between 9 and 10")]
    [InlineData("Extremely likely")]
    public void TryParseRating_AmbiguousAnswer_StaysAnError(string text)
    {
        Assert.False(FieldParsers.TryParseRating(text, "rating", out _, out var error));
        Assert.Equal($"rating must be an integer from 0 to 10, got '{text}'", error.Reason);
    }

    [Fact]
    public void Read_LabelledRatingsInACsv_EachReadAsItsRating()
    {
        var (responses, errors, _) = TestData.ReadResponses(
            "rating,responded_at\n10 - Extremely likely,2026-03-14T10:00:00+01:00\n\"Zeer waarschijnlijk 10\",2026-03-14T10:00:00+01:00\n0 - Not at all likely,2026-03-14T10:00:00+01:00\n");

        Assert.Empty(errors);
        Assert.Equal([10, 10, 0], responses.Select(r => r.Rating.Value));
    }

    [Fact]
    public void Read_ColumnNamesMapped_ReadsTheUsersFileWithoutRenaming()
    {
        var options = TestData.Options() with
        {
            ColumnNames = new Dictionary<string, string> { ["rating"] = "score", ["response_id"] = "id", ["responded_at"] = "date", ["team"] = "department" },
        };

        var (responses, errors, _) = TestData.ReadResponses(TestData.Utf8("id,score,date,department\nA1,9,2026-03-14T10:00:00+01:00,Billing\nA2,3,2026-03-15T10:00:00+01:00,Sales\n"), DataFormat.Csv, options);

        Assert.Empty(errors);
        Assert.Equal([("A1", 9, "Billing"), ("A2", 3, "Sales")], responses.Select(r => (r.ResponseId, (int)r.Rating.Value, r.Team!)));
        Assert.Empty(responses[0].Attributes); // the mapped columns are no free dimensions
    }

    [Fact]
    public void Read_ColumnNamesMappedInJsonLines_ReadsTheUsersKeys()
    {
        var options = TestData.Options() with { ColumnNames = new Dictionary<string, string> { ["rating"] = "score", ["responded_at"] = "date" } };

        var (responses, errors, _) = TestData.ReadResponses(TestData.Utf8("{\"score\":9,\"date\":\"2026-03-14T10:00:00+01:00\"}\n"), DataFormat.JsonLines, options);

        Assert.Empty(errors);
        Assert.Equal(9, Assert.Single(responses).Rating.Value);
    }

    [Fact]
    public void Open_RatingMappedToAMissingColumn_ErrorSaysNoRatingColumn()
    {
        var options = TestData.Options() with { ColumnNames = new Dictionary<string, string> { ["rating"] = "score" } };

        Assert.False(SurveyResponseReader.TryOpen(TestData.Utf8("rating,responded_at\n9,2026-03-14T10:00:00+01:00\n"), DataFormat.Csv, options, out _, out var error));
        Assert.Equal("the header has no 'rating' column", error.Reason);
    }
}

using System.Text;

namespace Nps.Data.Tests;

public sealed class FieldParserTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData(" 10 ", 10)]
    [InlineData("007", 7)]
    public void TryParseRating_Valid_Parses(string text, int expected)
    {
        Assert.True(FieldParsers.TryParseRating(text.AsSpan(), "rating", out var rating, out _));
        Assert.Equal(expected, rating.Value);
    }

    [Theory]
    [InlineData("11", "rating must be an integer from 0 to 10, got '11'")]
    [InlineData("-1", "rating must be an integer from 0 to 10, got '-1'")]
    [InlineData("9.5", "rating must be an integer from 0 to 10, got '9.5'")]
    [InlineData("", "rating is required")]
    public void TryParseRating_Invalid_SaysWhy(string text, string reason)
    {
        Assert.False(FieldParsers.TryParseRating(Encoding.UTF8.GetBytes(text), "rating", out _, out var error));
        Assert.Equal(new DataError(0, "rating", reason), error);
    }

    [Fact]
    public void TryParseRating_Number_ChecksTheRange()
    {
        Assert.False(FieldParsers.TryParseRating(11, "rating", out _, out var error));
        Assert.Equal("rating: rating must be an integer from 0 to 10, got '11'", error.Message);
    }

    [Theory]
    [InlineData("2026-03-14T10:15:00+01:00", "2026-03-14T09:15:00Z")]
    [InlineData("2026-03-14 10:15+0100", "2026-03-14T09:15:00Z")]
    [InlineData("2026-03-14T10:15:00.1234567-05", "2026-03-14T15:15:00.1234567Z")]
    [InlineData("2026-03-14t10:15:00z", "2026-03-14T10:15:00Z")]
    public void TryParseTime_WithOffset_Parses(string text, string utc)
    {
        Assert.True(FieldParsers.TryParseTime(text.AsSpan(), "at", out var value, out _));
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("2026-03-14T10:15:00+15:00")]
    [InlineData("2026-03-14T24:00:00Z")]
    [InlineData("2026-13-01T10:00:00Z")]
    public void TryParseTime_OutOfRange_IsNotAValidTime(string text)
    {
        Assert.False(FieldParsers.TryParseTime(text.AsSpan(), "at", out _, out var error));
        Assert.Equal($"'{text}' is not a valid date and time", error.Reason);
    }

    [Fact]
    public void TryParseTime_ControlCharacters_EscapedInTheMessage()
    {
        Assert.False(FieldParsers.TryParseTime("\u001b[2Jnow".AsSpan(), "at", out _, out var error));
        Assert.Equal("'\\e[2Jnow' is not an ISO 8601 date and time such as 2026-03-14T10:15:00+01:00", error.Reason);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("", false)]
    [InlineData("No", false)]
    public void TryParseBoolean_Valid_Parses(string text, bool expected)
    {
        Assert.True(FieldParsers.TryParseBoolean(Encoding.UTF8.GetBytes(text), "manual", out var value, out _));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void TryParseBoolean_Invalid_SaysWhy()
    {
        Assert.False(FieldParsers.TryParseBoolean("perhaps"u8, "callback_requested", out _, out var error));
        Assert.Equal("callback_requested: expected true/false, 1/0 or yes/no, got 'perhaps'", error.Message);
    }

    [Theory]
    [InlineData("Relational", SurveyKind.Relational)]
    [InlineData("transactional", SurveyKind.Transactional)]
    [InlineData("", SurveyKind.Transactional)]
    public void TryParseSurveyKind_WireNames_Parse(string text, SurveyKind expected)
    {
        Assert.True(FieldParsers.TryParseSurveyKind(text.AsSpan(), "survey_kind", out var kind, out _));
        Assert.Equal(expected, kind);
    }

    [Fact]
    public void TryParseSurveyKind_Unknown_IsAnError()
    {
        Assert.False(FieldParsers.TryParseSurveyKind("foo"u8, "survey_kind", out _, out var error));
        Assert.Equal("survey_kind: survey_kind must be transactional or relational, got 'foo'", error.Message);
    }

    [Fact]
    public void TryParseTimeZone_UnknownZone_IsAnError()
    {
        Assert.True(FieldParsers.TryParseTimeZone("Europe/Amsterdam", "time_zone", out var zone, out _));
        Assert.Equal("Europe/Amsterdam", zone.Id);
        Assert.False(FieldParsers.TryParseTimeZone("Mars/Olympus", "timeZoneId", out _, out var error));
        Assert.Equal("timeZoneId: 'Mars/Olympus' is not a known IANA time zone (e.g. Europe/Amsterdam)", error.Message);
    }

    [Fact]
    public void MergeAttributes_ExtraStringsMergedOthersReported()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{ "region": "north", "score": 9 }""");
        var errors = new List<DataError>();

        var merged = FieldParsers.MergeAttributes(new Dictionary<string, string> { ["region"] = "south" },
            document.RootElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value)), errors);

        Assert.Equal("south", merged!["region"]);
        Assert.Equal(["score"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Escape_ControlAndBidiCharacters_MadeVisible()
    {
        Assert.Equal("a\\tb\\nc\\e[31m\\u202Ed\\u0007", ControlCharacters.Escape("a\tb\nc\u001b[31m\u202Ed\u0007"));
        Assert.Same("plain text", ControlCharacters.Escape("plain text"));
    }
}

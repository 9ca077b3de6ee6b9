namespace Nps.Data.Tests;

public sealed class PlausibilityTests
{
    [Theory]
    [InlineData("9999-12-31T10:00:00+01:00", "line 2, column responded_at: responded_at 9999-12-31T10:00:00+01:00 is in the future (more than 1 day after now, 2026-06-01T12:00:00+00:00)")]
    [InlineData("2026-06-02T12:00:01Z", "line 2, column responded_at: responded_at 2026-06-02T12:00:01+00:00 is in the future (more than 1 day after now, 2026-06-01T12:00:00+00:00)")]
    [InlineData("1999-12-31T23:59:59Z", "line 2, column responded_at: responded_at 1999-12-31T23:59:59+00:00 is before 2000-01-01T00:00:00+00:00, the earliest plausible time")]
    [InlineData("2026-03-14T10:00:00", "line 2, column responded_at: '2026-03-14T10:00:00' has no UTC offset; write it as e.g. 2026-03-14T10:00:00+01:00 or 2026-03-14T10:00:00Z")]
    [InlineData("2026-02-30T10:00:00Z", "line 2, column responded_at: '2026-02-30T10:00:00Z' is not a valid date and time")]
    [InlineData("14/03/2026 10:00", "line 2, column responded_at: '14/03/2026 10:00' is not an ISO 8601 date and time such as 2026-03-14T10:15:00+01:00")]
    public void Read_ImplausibleOrUnclearTime_IsAnErrorNamingTheField(string time, string message)
    {
        var (_, errors, _) = TestData.ReadResponses($"rating,responded_at\n9,{time}\n");

        Assert.Equal(message, Assert.Single(errors).Message);
    }

    [Theory]
    [InlineData("inclusion_probability", "1e-160", "line 2, column inclusion_probability: inclusion_probability gives an inclusion probability of 1E-160, below the plausible minimum of 1E-06")]
    [InlineData("weight", "1e160", "line 2, column weight: weight gives an inclusion probability of 1E-160, below the plausible minimum of 1E-06")]
    [InlineData("inclusion_probability", "0", "line 2, column inclusion_probability: inclusion_probability must be a number greater than 0 and at most 1, got '0'")]
    [InlineData("weight", "-2", "line 2, column weight: weight must be a number greater than 0, got '-2'")]
    public void Read_ImplausibleProbability_IsAnErrorNamingTheField(string column, string value, string message)
    {
        var (_, errors, _) = TestData.ReadResponses($"rating,responded_at,{column}\n9,2026-03-14T10:00:00Z,{value}\n");

        Assert.Equal(message, Assert.Single(errors).Message);
    }

    [Fact]
    public void Read_LimitsAreOptions_ALaterClockAcceptsTheTime()
    {
        var options = TestData.Options() with { Limits = new PlausibilityLimits { MaximumAheadOfClock = TimeSpan.FromDays(3650) } };

        var (responses, errors, _) = TestData.ReadResponses(TestData.Utf8("rating,responded_at\n9,2030-01-01T00:00:00Z\n"), DataFormat.Csv, options);

        Assert.Empty(errors);
        Assert.Single(responses);
    }

    [Fact]
    public void Validate_NegativeAheadOfClock_NamesTheOptionByPath()
    {
        var options = new DataReaderOptions { Limits = new PlausibilityLimits { MaximumAheadOfClock = TimeSpan.FromHours(-1) } };

        Assert.Equal([new DataError(0, "Limits:MaximumAheadOfClock", "must not be negative; got -01:00:00.")], options.Errors());
    }

    [Fact]
    public void Validate_TinyMaxRecordSize_NamesTheOptionByPath()
    {
        var errors = new DataReaderOptions { MaxRecordSize = 10 }.Errors(new OptionsPath("Nps:Data"));

        Assert.Equal("Nps:Data:MaxRecordSize: must be at least 1024 bytes; got 10.", Assert.Single(errors).Message);
    }
}

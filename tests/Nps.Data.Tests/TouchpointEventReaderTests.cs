namespace Nps.Data.Tests;

public sealed class TouchpointEventReaderTests
{
    [Fact]
    public void Read_ContactLog_MapsEveryColumn()
    {
        const string text = "customer_id,event_id,occurred_at,survey_kind,team,followup,complaint_open,time_zone,relationship_start,email_domain,region\n" +
                            "C1,E1,2026-03-14T10:00:00+01:00,relational,Billing,yes,0,Europe/Amsterdam,2020-01-01T00:00:00Z,example.com,north\n";
        Assert.True(TouchpointEventReader.TryOpen(TestData.Utf8(text), DataFormat.Csv, TestData.Options(), out var reader, out _));

        Assert.True(reader!.Read(out var touchpoint, out var error));

        Assert.Null(error);
        Assert.Equal(("C1", "E1", SurveyKind.Relational, "Billing", true, false), (touchpoint!.CustomerId, touchpoint.EventId, touchpoint.Kind, touchpoint.Team, touchpoint.IsFollowUp, touchpoint.IsComplaintOpen));
        Assert.Equal(("Europe/Amsterdam", "example.com", "north"), (touchpoint.TimeZoneId, touchpoint.EmailDomain, touchpoint.Attributes!["region"]));
    }

    [Theory]
    [InlineData("C1,E1,2026-03-14T10:00:00,transactional,x", "line 2, column occurred_at: '2026-03-14T10:00:00' has no UTC offset; write it as e.g. 2026-03-14T10:00:00+01:00 or 2026-03-14T10:00:00Z")]
    [InlineData("C1,E1,2026-03-14T10:00:00Z,weekly,x", "line 2, column survey_kind: survey_kind must be transactional or relational, got 'weekly'")]
    [InlineData(",E1,2026-03-14T10:00:00Z,,x", "line 2, column customer_id: customer_id is required")]
    [InlineData("C1,E1,2026-03-14T10:00:00Z,,Mars/Olympus", "line 2, column time_zone: 'Mars/Olympus' is not a known IANA time zone (e.g. Europe/Amsterdam)")]
    [InlineData("C1,E1,1990-03-14T10:00:00Z,,", "line 2, column occurred_at: occurred_at 1990-03-14T10:00:00+00:00 is before 2000-01-01T00:00:00+00:00, the earliest plausible time")]
    public void Read_InvalidEvent_NamesLineAndField(string row, string message)
    {
        Assert.True(TouchpointEventReader.TryOpen(TestData.Utf8("customer_id,event_id,occurred_at,survey_kind,time_zone\n" + row + "\n"), DataFormat.Csv, TestData.Options(), out var reader, out _));

        Assert.True(reader!.Read(out _, out var error));

        Assert.Equal(message, error!.Value.Message);
    }
}

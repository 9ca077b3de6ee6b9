using Nps.Fatigue;
using Nps.Sampling;
using Nps.Tests.Sampling;
using Nps.Touchpoints;

namespace Nps.Tests.Fatigue;

public sealed class QuietHoursTests
{
    private static TestProgram Quiet(DateTimeOffset now, TimeOnly start, TimeOnly end, params DayOfWeek[] days) =>
        new(TestProgram.InviteAll(o => o with { Fatigue = o.Fatigue with { QuietHours = new QuietHoursOptions { Start = start, End = end, AllowedDays = [.. days] } } }), now);

    private static TouchpointEvent In(string zone) => TestProgram.Event() with { TimeZoneId = zone };

    [Fact]
    public void TimeZones_WithInvariantGlobalization_ResolveIanaIds()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        Assert.Equal(TimeSpan.FromHours(2), zone.GetUtcOffset(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Decide_OutsideQuietHours_InvitesNow()
    {
        var now = new DateTimeOffset(2026, 6, 10, 10, 0, 0, TimeSpan.Zero); // 12:00 in Amsterdam
        var t = Quiet(now, new TimeOnly(21, 0), new TimeOnly(8, 0));
        Assert.Equal(now, Assert.IsType<InviteDecision>(t.Decide(In("Europe/Amsterdam"))).SendAt);
    }

    [Fact]
    public void Decide_InQuietHours_DefersToEndInCustomerZone()
    {
        var now = new DateTimeOffset(2026, 6, 10, 20, 0, 0, TimeSpan.Zero); // 22:00 in Amsterdam, 16:00 in New York
        var t = Quiet(now, new TimeOnly(21, 0), new TimeOnly(8, 0));

        var deferred = Assert.IsType<DeferDecision>(t.Decide(In("Europe/Amsterdam")));
        Assert.Equal(new DateTimeOffset(2026, 6, 11, 6, 0, 0, TimeSpan.Zero), deferred.SendAt);
        Assert.Equal(FatigueRuleNames.QuietHours, deferred.Rule);
        Assert.Equal("21:00–08:00 is quiet in Europe/Amsterdam; deferred to 2026-06-11 08:00 +02:00 local", deferred.Reason);
        Assert.Equal(1.0, deferred.InclusionProbability);

        Assert.IsType<InviteDecision>(t.Decide(TestProgram.Event("C2") with { TimeZoneId = "America/New_York" }));
    }

    [Fact]
    public void Decide_AtExactlyQuietEnd_InvitesNow()
    {
        var now = new DateTimeOffset(2026, 6, 11, 6, 0, 0, TimeSpan.Zero); // 08:00 in Amsterdam
        var t = Quiet(now, new TimeOnly(21, 0), new TimeOnly(8, 0));
        Assert.IsType<InviteDecision>(t.Decide(In("Europe/Amsterdam")));
    }

    [Fact]
    public void Decide_OnDisallowedDay_DefersToNextAllowedDay()
    {
        var saturday = new DateTimeOffset(2026, 6, 13, 10, 0, 0, TimeSpan.Zero);
        var t = Quiet(saturday, new TimeOnly(21, 0), new TimeOnly(8, 0),
            DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday);

        var deferred = Assert.IsType<DeferDecision>(t.Decide(In("Europe/Amsterdam")));
        Assert.Equal(FatigueRuleNames.AllowedDays, deferred.Rule);
        Assert.Equal(new DateTimeOffset(2026, 6, 15, 6, 0, 0, TimeSpan.Zero), deferred.SendAt); // Monday 00:00 local is quiet: 08:00 local
    }

    [Fact]
    public void Decide_QuietEndInSpringForwardGap_DefersToFirstValidInstant()
    {
        // Amsterdam, 2026-03-29: clocks jump from 02:00 CET to 03:00 CEST. Quiet until 02:30, which does not exist that night.
        var now = new DateTimeOffset(2026, 3, 28, 23, 30, 0, TimeSpan.Zero); // 00:30 CET
        var t = Quiet(now, new TimeOnly(0, 0), new TimeOnly(2, 30));

        var deferred = Assert.IsType<DeferDecision>(t.Decide(In("Europe/Amsterdam")));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), deferred.SendAt); // 03:00 CEST, the transition
    }

    [Fact]
    public void Decide_QuietHoursAcrossSpringForward_DefersToLocalEnd()
    {
        // New York, 2026-03-08: 02:00 EST -> 03:00 EDT. Quiet 21:00-08:00; 08:00 EDT is 12:00 UTC (not 13:00).
        var now = new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.Zero); // 22:00 EST on the 7th
        var t = Quiet(now, new TimeOnly(21, 0), new TimeOnly(8, 0));

        var deferred = Assert.IsType<DeferDecision>(t.Decide(In("America/New_York")));

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.Zero), deferred.SendAt);
    }

    [Fact]
    public void Decide_QuietEndInFallBackOverlap_TakesFirstOccurrence()
    {
        // Amsterdam, 2026-10-25: clocks go back from 03:00 CEST to 02:00 CET, so 02:30 happens twice.
        var now = new DateTimeOffset(2026, 10, 24, 22, 30, 0, TimeSpan.Zero); // 00:30 CEST
        var t = Quiet(now, new TimeOnly(0, 0), new TimeOnly(2, 30));

        var deferred = Assert.IsType<DeferDecision>(t.Decide(In("Europe/Amsterdam")));

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), deferred.SendAt); // 02:30 CEST, the first one
    }

    [Fact]
    public void Decide_InRepeatedHourAfterFallBack_DefersToSecondOccurrence()
    {
        // 02:10 CET is the second pass through the quiet hour; the next end is 02:30 CET (01:30 UTC), not the next night.
        var now = new DateTimeOffset(2026, 10, 25, 1, 10, 0, TimeSpan.Zero);
        var t = Quiet(now, new TimeOnly(0, 0), new TimeOnly(2, 30));

        var deferred = Assert.IsType<DeferDecision>(t.Decide(In("Europe/Amsterdam")));

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero), deferred.SendAt);
    }

    [Fact]
    public void Decide_QuietHoursAcrossFallBack_NewYork()
    {
        // New York, 2026-11-01: 02:00 EDT -> 01:00 EST. Quiet 21:00-08:00; 08:00 EST is 13:00 UTC.
        var now = new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero); // 23:00 EDT on Oct 31
        var t = Quiet(now, new TimeOnly(21, 0), new TimeOnly(8, 0));

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 13, 0, 0, TimeSpan.Zero), Assert.IsType<DeferDecision>(t.Decide(In("America/New_York"))).SendAt);
    }

    [Fact]
    public void Decide_Deferred_RecordsInvitationAtSendTime()
    {
        var now = new DateTimeOffset(2026, 6, 10, 20, 0, 0, TimeSpan.Zero);
        var t = Quiet(now, new TimeOnly(21, 0), new TimeOnly(8, 0));
        var deferred = Assert.IsType<DeferDecision>(t.Decide(In("Europe/Amsterdam")));

        var record = Assert.Single(t.History("C1").Records.ToArray());
        Assert.Equal(ContactKind.Invitation, record.Kind);
        Assert.Equal(deferred.SendAt, record.At);
    }

    [Fact]
    public void Decide_QuietHoursScopedToChannel_OnlyDefersInScope()
    {
        var now = new DateTimeOffset(2026, 6, 10, 20, 0, 0, TimeSpan.Zero);
        var t = new TestProgram(TestProgram.InviteAll(o => o with
        {
            Fatigue = o.Fatigue with { QuietHours = new QuietHoursOptions { Scope = new SurveyScope { Channel = "sms" } } },
        }), now);

        Assert.IsType<InviteDecision>(t.Decide(In("Europe/Amsterdam")));
        Assert.IsType<DeferDecision>(t.Decide(In("Europe/Amsterdam") with { CustomerId = "C2", Channel = "sms" }));
    }

    [Fact]
    public void Decide_UnknownTimeZone_SuppressedAsInvalidEvent()
    {
        var t = new TestProgram(TestProgram.InviteAll());
        var suppressed = Assert.IsType<SuppressDecision>(t.Decide(In("Mars/Olympus_Mons")));
        Assert.Equal(SurveyProgram.InvalidEventRule, suppressed.Rule);
        Assert.Equal("timeZoneId 'Mars/Olympus_Mons' is not a known time zone", suppressed.Reason);
    }

    [Fact]
    public void Decide_FallBackJumpLeavesQuietHours_SendsAtTheJump()
    {
        // Quiet 02:30-03:00. At 03:00 CEST (01:00 UTC) Amsterdam falls back to 02:00 CET, which is allowed again.
        var now = new DateTimeOffset(2026, 10, 25, 0, 45, 0, TimeSpan.Zero); // 02:45 CEST: quiet
        var t = Quiet(now, new TimeOnly(2, 30), new TimeOnly(3, 0));

        var deferred = Assert.IsType<DeferDecision>(t.Decide(In("Europe/Amsterdam")));

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 1, 0, 0, TimeSpan.Zero), deferred.SendAt);
    }
}

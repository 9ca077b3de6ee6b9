using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nps.Fatigue;

namespace Nps.Tests.Fatigue;

public sealed class QuietHoursPropertyTests
{
    private static readonly string[] Zones = ["Europe/Amsterdam", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "America/Santiago", "UTC"];

    /// <summary>The deferred send time is allowed, not before now, and no whole minute between now and it is allowed.</summary>
    [Property(MaxTest = 150)]
    public Property NextAllowed_IsTheFirstAllowedMinute() => Prop.ForAll(
        Gen.Choose(0, 365 * 24 * 60 - 1).SelectMany(minute => Gen.Choose(0, Zones.Length - 1).SelectMany(zone =>
            Gen.Choose(0, 95).SelectMany(start => Gen.Choose(0, 95).SelectMany(end => Gen.Choose(1, 127).Select(days =>
                (minute, zone, start, end, days)))))).ToArbitrary(),
        c =>
        {
            if (c.start == c.end) return true; // rejected by validation
            var options = new QuietHoursOptions
            {
                Start = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(15 * c.start)),
                End = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(15 * c.end)),
                AllowedDays = [.. Enum.GetValues<DayOfWeek>().Where(d => (c.days & (1 << (int)d)) != 0)],
            };
            var rule = new QuietHoursRule(options);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(Zones[c.zone]);
            var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(c.minute);

            var (sendAt, ruleName, _) = rule.NextAllowed(now, zone);

            if (sendAt < now || !Allowed(options, TimeZoneInfo.ConvertTime(sendAt, zone).DateTime)) return false;
            if ((sendAt == now) != (ruleName is null)) return false;
            for (var m = now; m < sendAt; m = m.AddMinutes(1))
            {
                if (Allowed(options, TimeZoneInfo.ConvertTime(m, zone).DateTime)) return false;
            }

            return true;
        });

    private static bool Allowed(QuietHoursOptions options, DateTime local)
    {
        if (!options.AllowedDays.Contains(local.DayOfWeek)) return false;
        var time = TimeOnly.FromDateTime(local);
        var quiet = options.Start < options.End ? time >= options.Start && time < options.End : time >= options.Start || time < options.End;
        return !quiet;
    }
}

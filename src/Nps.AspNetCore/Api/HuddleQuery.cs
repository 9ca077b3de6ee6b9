using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Nps.Huddle;

namespace Nps.AspNetCore.Api;

/// <summary>
/// The query of <c>GET /api/huddle</c>, bound with <c>[AsParameters]</c>: <c>team</c> (required) and the period,
/// either <c>week</c> (an ISO week such as 2026-W11) or <c>from</c> and <c>to</c> (days, both included), by default
/// the last complete week; every invalid value reported by its parameter's name.
/// </summary>
internal sealed class HuddleQuery
{
    [FromQuery(Name = "team")] public string? Team { get; init; }

    [FromQuery(Name = "week")] public string? Week { get; init; }

    [FromQuery(Name = "from")] public QueryDate? From { get; init; }

    [FromQuery(Name = "to")] public QueryDate? To { get; init; }

    /// <summary>The field a problem of the period as a whole (its trend) is reported under.</summary>
    public string PeriodField => Week is null && From.GetValueOrDefault().IsGiven ? "from" : "week";

    /// <summary>The team and the period; invalid values go to <paramref name="errors"/>.</summary>
    public (string Team, HuddlePeriod Period) Resolve(TimeProvider clock, TimeZoneInfo zone, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Team)) errors.Add("team", "is required, e.g. team=Billing.");
        // Absent and blank are the same: the binder may give an empty value for an absent parameter.
        var from = From.GetValueOrDefault();
        var to = To.GetValueOrDefault();
        HuddlePeriod period = default;
        if (Week is not null && (from.IsGiven || to.IsGiven)) errors.Add("week", "give either week or from and to, not both.");
        else if (Week is not null)
        {
            if (!HuddlePeriod.TryParseIsoWeek(Week, out period)) errors.Add("week", $"must be an ISO week such as 2026-W11, got '{Week}'.");
        }
        else if (!from.IsGiven && !to.IsGiven) period = HuddlePeriod.LastCompleteIsoWeek(clock, zone);
        else if (!from.IsGiven || !to.IsGiven) errors.Add(from.IsGiven ? "to" : "from", "from and to go together.");
        else
        {
            var first = from.Check(errors, "from");
            var last = to.Check(errors, "to");
            if (first is { } f && last is { } l)
            {
                if (l < f) errors.Add("to", string.Create(CultureInfo.InvariantCulture, $"'{l:yyyy-MM-dd}' is before from ('{f:yyyy-MM-dd}')."));
                else if (l.DayNumber - f.DayNumber >= HuddlePeriod.MaxDays) errors.Add("to", $"a huddle covers at most {HuddlePeriod.MaxDays} days; got {l.DayNumber - f.DayNumber + 1}.");
                else period = HuddlePeriod.FromDates(f, l);
            }
        }

        return (Team?.Trim() ?? "", period);
    }
}

using Microsoft.AspNetCore.Mvc;
using Nps.Ambitions;

namespace Nps.AspNetCore.Api;

/// <summary>
/// The query of <c>GET /api/ambitions</c>, bound with <c>[AsParameters]</c>: <c>asOf</c> (a day) and
/// <c>windowDays</c> (1 to <see cref="AmbitionTrackerOptions.MaxWindowDays"/>, 90 when absent).
/// </summary>
internal sealed class AmbitionsQuery
{
    /// <summary>The window when none is asked for.</summary>
    public const int DefaultWindowDays = 90;

    [FromQuery(Name = "asOf")] public QueryDate? AsOf { get; init; }

    [FromQuery(Name = "windowDays")] public QueryInteger? WindowDays { get; init; }

    /// <summary>The day (<paramref name="today"/> when absent) and the window; invalid values go to <paramref name="errors"/>.</summary>
    public (DateOnly AsOf, int WindowDays) Resolve(DateOnly today, FieldErrors errors)
    {
        var day = AsOf.GetValueOrDefault().Check(errors, "asOf") ?? today;
        var window = WindowDays.GetValueOrDefault().Check(errors, "windowDays", 1, AmbitionTrackerOptions.MaxWindowDays, DefaultWindowDays,
            text => $"must be a whole number of days from 1 to {AmbitionTrackerOptions.MaxWindowDays}; got '{text}'.");
        return (day, window);
    }
}

using System.Globalization;
using Microsoft.Extensions.Options;
using Nps.Ambitions;
using Nps.Delivery;
using Nps.FollowUp;
using Nps.Huddle;
using Nps.Insights;
using Nps.Intake;
using Nps.AspNetCore.Hosting;
using Nps.Segmentation;
using Nps.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary>
/// <c>GET /api/huddle</c> (a team's huddle brief with the stored follow-ups) and <c>GET /api/ambitions</c> (the
/// ambitions of <c>Nps:AmbitionsFile</c> against the stored responses), on the library's
/// <see cref="HuddleBriefBuilder"/> and <see cref="AmbitionTracker"/>.
/// </summary>
internal static class HuddleEndpoints
{
    /// <summary>The analysts' routes: <c>GET /api/huddle</c> and <c>GET /api/ambitions</c>.</summary>
    internal static void MapHuddle(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/huddle", HuddleAsync)
            .WithName("Huddle")
            .WithTags("Huddle")
            .WithSummary("A team's huddle brief for an ISO week (week=2026-W11), a date range (from, to) or, by default, the last complete week: score with interval, trend, versus previous, themes, comments, follow-ups, discussion points.")
            .Produces<HuddleBriefDocument>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem()
            .WithNoStore();
        app.MapGet("/api/ambitions", AmbitionsAsync)
            .WithName("Ambitions")
            .WithTags("Ambitions")
            .WithSummary("Each ambition of Nps:AmbitionsFile: baseline, current window (windowDays up to asOf), change, probability of reaching the target and whether it is on track.")
            .Produces<AmbitionsDocument>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> HuddleAsync(IResponseStore store, INpsCountSource counts, IInvitationStore invitations, IFollowUpStore followUps, ThemeTaxonomy taxonomy, IOptions<NpsOptions> options,
        TimeProvider clock, CancellationToken cancellationToken, string? team = null, string? week = null, string? from = null, string? to = null)
    {
        var errors = new FieldErrors();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.DefaultTimeZone);
        if (string.IsNullOrWhiteSpace(team)) errors.Add("team", "is required, e.g. team=Billing.");
        HuddlePeriod period = default;
        if (week is not null && (from is not null || to is not null)) errors.Add("week", "give either week or from and to, not both.");
        else if (week is not null)
        {
            if (!HuddlePeriod.TryParseIsoWeek(week, out period)) errors.Add("week", $"must be an ISO week such as 2026-W11, got '{week}'.");
        }
        else if (from is null && to is null) period = HuddlePeriod.LastCompleteIsoWeek(clock, zone);
        else if (from is null || to is null) errors.Add(from is null ? "from" : "to", "from and to go together.");
        else
        {
            var first = Date(errors, "from", from);
            var last = Date(errors, "to", to);
            if (first is { } f && last is { } l)
            {
                if (l < f) errors.Add("to", $"'{to}' is before from ('{from}').");
                else if (l.DayNumber - f.DayNumber >= HuddlePeriod.MaxDays) errors.Add("to", $"a huddle covers at most {HuddlePeriod.MaxDays} days; got {l.DayNumber - f.DayNumber + 1}.");
                else period = HuddlePeriod.FromDates(f, l);
            }
        }
        if (errors.Any) return errors.ToProblem();

        var reporting = options.Value.Reporting;
        var briefOptions = new HuddleBriefOptions
        {
            Team = team!.Trim(), Period = period, TimeZone = zone, Taxonomy = taxonomy, MinimumCount = reporting.MinimumCount, Level = reporting.Level, Method = reporting.Method,
        };
        if (period.TrendProblem(briefOptions.TrendPeriods) is { } trendProblem)
        {
            errors.Add(week is null && from is not null ? "from" : "week", trendProblem);
            return errors.ToProblem();
        }
        var builder = new HuddleBriefBuilder(briefOptions, clock);
        var cases = await followUps.ListAsync(null, cancellationToken);
        return TypedResults.Json(HuddleBriefDocument.From(await builder.BuildAsync(counts, (IResponseSliceSource)store, cases, invitations, cancellationToken)), NpsJson.TypeInfo<HuddleBriefDocument>());
    }

    private static async Task<IResult> AmbitionsAsync(INpsCountSource counts, IConfiguration configuration, IWebHostEnvironment environment, IOptions<NpsOptions> options,
        TimeProvider clock, CancellationToken cancellationToken, string? asOf = null, string? windowDays = null)
    {
        var errors = new FieldErrors();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.DefaultTimeZone);
        var day = asOf is null ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime) : Date(errors, "asOf", asOf);
        var window = 90;
        if (windowDays is not null && (!int.TryParse(windowDays, NumberStyles.None, CultureInfo.InvariantCulture, out window) || window is < 1 or > AmbitionTrackerOptions.MaxWindowDays))
        {
            errors.Add("windowDays", $"must be a whole number of days from 1 to {AmbitionTrackerOptions.MaxWindowDays}; got '{windowDays}'.");
        }
        if (errors.Any) return errors.ToProblem();
        var reporting = options.Value.Reporting;
        var tracking = new AmbitionTrackerOptions { AsOf = day!.Value, WindowDays = window, TimeZone = zone, Level = reporting.Level, Method = reporting.Method };
        if (tracking.Errors() is { Count: > 0 } invalid)
        {
            foreach (var error in invalid) errors.Add("asOf", error.Reason);
            return errors.ToProblem();
        }

        var configured = configuration["Nps:AmbitionsFile"]?.Trim();
        if (string.IsNullOrEmpty(configured)) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No ambitions configured.", detail: "Set Nps:AmbitionsFile to an ambitions file.");
        if (SeedFile.Resolve(configured, environment.ContentRootPath) is not { } path)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "The ambitions file was not found.",
                detail: $"Nps:AmbitionsFile '{configured}' was not found from the content root or its parent folders.");
        }
        if (!AmbitionFile.TryParse(await File.ReadAllTextAsync(path, cancellationToken), out var ambitions, out var problems))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The ambitions file is invalid.",
                detail: $"{Path.GetFileName(path)}: {string.Join("; ", problems)}");
        }

        var progress = await AmbitionTracker.EvaluateAsync(counts, ambitions, tracking, cancellationToken);
        return TypedResults.Json(AmbitionsDocument.From(progress), NpsJson.TypeInfo<AmbitionsDocument>());
    }

    private static DateOnly? Date(FieldErrors errors, string field, string value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, $"must be a date such as 2026-03-14, got '{value}'.");
        return null;
    }
}

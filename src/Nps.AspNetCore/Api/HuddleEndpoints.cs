using Microsoft.AspNetCore.Http.HttpResults;
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
            .WithNoStore();
        app.MapGet("/api/ambitions", AmbitionsAsync)
            .WithName("Ambitions")
            .WithTags("Ambitions")
            .WithSummary("Each ambition of Nps:AmbitionsFile: baseline, current window (windowDays up to asOf), change, probability of reaching the target and whether it is on track.");
    }

    private static async Task<Results<JsonOk<HuddleBriefDocument>, ValidationProblem>> HuddleAsync([AsParameters] HuddleQuery query, IResponseStore store,
        INpsCountSource counts, IInvitationStore invitations, IFollowUpStore followUps, ThemeTaxonomy taxonomy, IOptions<NpsOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.DefaultTimeZone);
        var (team, period) = query.Resolve(clock, zone, errors);
        if (errors.Any) return errors.ToProblem();

        var reporting = options.Value.Reporting;
        var briefOptions = new HuddleBriefOptions
        {
            Team = team, Period = period, TimeZone = zone, Taxonomy = taxonomy, MinimumCount = reporting.MinimumCount, Level = reporting.Level, Method = reporting.Method,
        };
        if (period.TrendProblem(briefOptions.TrendPeriods) is { } trendProblem)
        {
            errors.Add(query.PeriodField, trendProblem);
            return errors.ToProblem();
        }
        var builder = new HuddleBriefBuilder(briefOptions, clock);
        return new JsonOk<HuddleBriefDocument>(HuddleBriefDocument.From(await builder.BuildFromStoresAsync(counts, (IResponseSliceSource)store, followUps, invitations, cancellationToken)),
            NpsJson.TypeInfo<HuddleBriefDocument>());
    }

    private static async Task<Results<JsonOk<AmbitionsDocument>, ValidationProblem, NotFoundProblem, ConfigurationProblem>> AmbitionsAsync([AsParameters] AmbitionsQuery query,
        INpsCountSource counts, IConfiguration configuration, IWebHostEnvironment environment, IOptions<NpsOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.DefaultTimeZone);
        var (day, window) = query.Resolve(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime), errors);
        if (errors.Any) return errors.ToProblem();
        var reporting = options.Value.Reporting;
        var tracking = new AmbitionTrackerOptions { AsOf = day, WindowDays = window, TimeZone = zone, Level = reporting.Level, Method = reporting.Method };
        if (tracking.Errors() is { Count: > 0 } invalid)
        {
            foreach (var error in invalid) errors.Add("asOf", error.Reason);
            return errors.ToProblem();
        }

        var configured = configuration["Nps:AmbitionsFile"]?.Trim();
        if (string.IsNullOrEmpty(configured)) return new NotFoundProblem("No ambitions configured.", "Set Nps:AmbitionsFile to an ambitions file.");
        if (SeedFile.Resolve(configured, environment.ContentRootPath) is not { } path)
        {
            return new NotFoundProblem("The ambitions file was not found.", $"Nps:AmbitionsFile '{configured}' was not found from the content root or its parent folders.");
        }
        if (!AmbitionFile.TryParse(await File.ReadAllTextAsync(path, cancellationToken), out var ambitions, out var problems))
        {
            return new ConfigurationProblem("The ambitions file is invalid.", $"{Path.GetFileName(path)}: {string.Join("; ", problems.Select(p => p.Message))}");
        }

        var progress = await AmbitionTracker.EvaluateAsync(counts, ambitions, tracking, cancellationToken);
        return new JsonOk<AmbitionsDocument>(AmbitionsDocument.From(progress), NpsJson.TypeInfo<AmbitionsDocument>());
    }
}

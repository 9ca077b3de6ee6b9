using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Nps.Insights;
using Nps.Intake;
using Nps.Segmentation;
using Nps.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary><c>GET /api/insights/themes</c>: what customers write about, over the stored responses (their counts and commented pages).</summary>
internal static class ThemeEndpoints
{
    internal static void MapThemes(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/insights/themes", ThemesAsync)
            .WithName("Themes")
            .WithTags("Insights")
            .WithSummary("Comment themes (the configured taxonomy): mentions by category, NPS with and without the theme, its impact and example comments.")
            .WithNoStore();

    private static async Task<Results<JsonOk<ThemeAnalysisDocument>, ValidationProblem>> ThemesAsync([AsParameters] ThemeQuery query, IResponseStore store,
        INpsCountSource counts, ThemeTaxonomy taxonomy, IOptions<NpsOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (start, end, unsolicited) = query.Resolve(errors);
        if (errors.Any) return errors.ToProblem();

        // Before the retention cutoff the counts outlive the comments: themes start at the cutoff, so a theme's share
        // is never taken of responses whose comments are gone.
        if (options.Value.ToRetentionPolicy().ResponsesCutoff(clock.GetUtcNow()) is { } cutoff && (start is null || start < cutoff))
        {
            start = end is { } until && until < cutoff ? until : cutoff;
        }

        // The range's totals from the store's counts and its theme counts as they stand (the background matcher keeps
        // them current; "pending" says how many comments they leave out): no comment is matched in the request.
        var analysis = await ThemeAnalysis.AnalyzeAsync(counts, (IResponseSliceSource)store, taxonomy, start, end,
            new ThemeAnalysisOptions { IncludeUnsolicited = unsolicited }, cancellationToken: cancellationToken);
        return new JsonOk<ThemeAnalysisDocument>(ThemeAnalysisDocument.From(analysis), NpsJson.TypeInfo<ThemeAnalysisDocument>());
    }
}

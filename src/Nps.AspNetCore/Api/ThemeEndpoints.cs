using Nps.Insights;
using Nps.Intake;
using Nps.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary><c>GET /api/insights/themes</c>: what customers write about, over the stored responses.</summary>
internal static class ThemeEndpoints
{
    internal static void MapThemes(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/insights/themes", ThemesAsync)
            .WithName("Themes")
            .WithTags("Insights")
            .WithSummary("Comment themes (the configured taxonomy): mentions by category, NPS with and without the theme, its impact and example comments.")
            .Produces<ThemeAnalysisDocument>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem()
            .WithNoStore();

    private static async Task<IResult> ThemesAsync(IResponseStore store, ThemeTaxonomy taxonomy, CancellationToken cancellationToken,
        string? from = null, string? to = null, string? includeUnsolicited = null)
    {
        var errors = new FieldErrors();
        var unsolicited = QueryParsing.Flag(errors, "includeUnsolicited", includeUnsolicited, fallback: false);
        var start = QueryParsing.Instant(errors, "from", from);
        var end = QueryParsing.Instant(errors, "to", to);
        if (start is { } s && end is { } e && e <= s) errors.Add("to", "must be later than from.");
        if (errors.Any) return errors.ToProblem();

        var responses = new List<SurveyResponse>();
        await foreach (var response in store.ReadAsync(start, end, cancellationToken)) responses.Add(response.Response);
        return TypedResults.Json(ThemeAnalysisDocument.From(ThemeAnalysis.Analyze(responses, taxonomy, new ThemeAnalysisOptions { IncludeUnsolicited = unsolicited })), NpsJson.TypeInfo<ThemeAnalysisDocument>());
    }
}

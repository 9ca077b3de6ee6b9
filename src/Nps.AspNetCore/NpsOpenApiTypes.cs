using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Nps.AspNetCore.Api;
using Nps.FollowUp;
using Nps.Segmentation;
using Nps.Serialization;

namespace Nps.AspNetCore;

/// <summary>
/// Types in the OpenAPI document as the wire has them. The handlers bind their query into request records whose
/// members never fail to bind (<see cref="QueryInteger"/>, <see cref="QueryWireName{T}"/>, …), so that a bad value is
/// a validation problem naming the parameter instead of a bare 400; ASP.NET Core describes such members as strings,
/// and this table tells a client generator what each parameter really is (integer, number, boolean, enum of
/// lower-case kebab names, date, date-time), with a description. Enums written by <see cref="WireNameConverter{T}"/>
/// are strings with their lower-case kebab names.
/// </summary>
internal static class NpsOpenApiTypes
{
    /// <summary>Replaces the schema and description of every query parameter the table knows.</summary>
    public static Task TransformParametersAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var route = "/" + context.Description.RelativePath?.TrimStart('/');
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In is not (ParameterLocation.Query or ParameterLocation.Path) || parameter.Name is null) continue;
            if (Describe(route, parameter.Name) is not var (schema, description)) continue;
            parameter.Schema = schema;
            parameter.Description = description;
        }

        // The import reads its body itself (streamed); its media types are declared here, not as Accepts metadata,
        // which would make routing answer 415 before authentication.
        if (route == ImportRoute && context.Description.HttpMethod == HttpMethods.Post)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "Responses with the columns of nps report: CSV with a header row, or JSON Lines (one object per line).",
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    ["text/csv"] = new() { Schema = Text() },
                    ["application/x-ndjson"] = new() { Schema = Text() },
                    ["application/jsonl"] = new() { Schema = Text() },
                },
            };
        }

        return Task.CompletedTask;
    }

    private const string ImportRoute = "/api/responses/import";

    /// <summary>
    /// Drops the component schemas nothing refers to: those of the binding types (<see cref="QueryFlag"/>, …), which
    /// ASP.NET Core describes before the table above replaces their parameters' schemas, and what only they used.
    /// </summary>
    public static async Task PruneSchemasAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null) return;
        // Bounded: each round removes at least one schema or stops.
        for (var round = 0; round <= schemas.Count; round++)
        {
            var text = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken);
            var unused = schemas.Keys.Where(name => !text.Contains($"\"#/components/schemas/{name}\"", StringComparison.Ordinal)).ToList();
            if (unused.Count == 0) return;
            foreach (var name in unused) schemas.Remove(name);
        }
    }

    /// <summary>Gives the wire-named enums their type and names.</summary>
    public static Task TransformSchemaAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var names = type == typeof(NpsCategory) ? WireNames.All<NpsCategory>()
            : type == typeof(SurveyKind) ? WireNames.All<SurveyKind>()
            : null;
        if (names is null) return Task.CompletedTask;
        schema.Type = JsonSchemaType.String;
        schema.Enum = [.. names.Select(n => (JsonNode)JsonValue.Create(n))];
        return Task.CompletedTask;
    }

    private static (OpenApiSchema Schema, string Description)? Describe(string route, string name) => (route, name) switch
    {
        ("/api/insights/coaching", "by") => (Enum(["agent", "team"]), "The dimension coached: agent (default) or team."),
        (_, "by") => (Text(), $"The dimensions to group by, comma-separated (team, agent, channel, product, touchpoint or an attribute name); at most {NpsReportOptions.DefaultMaxDimensions} by default."),
        (_, "period") => (Enum(WireNames.All<Period>()), "The period each row covers; none when absent."),
        ("/api/huddle", "from") => (Day(), "The first day of the huddle (yyyy-MM-dd), with to; instead of week."),
        ("/api/huddle", "to") => (Day(), $"The last day of the huddle (yyyy-MM-dd, included), with from; a huddle covers at most {Huddle.HuddlePeriod.MaxDays} days."),
        (_, "from") => (Instant(), "The first instant included: a time with a UTC offset, or a date (yyyy-MM-dd, midnight UTC)."),
        (_, "to") => (Instant(), "The first instant excluded (later than from): a time with a UTC offset, or a date (yyyy-MM-dd, midnight UTC)."),
        (_, "level") => (new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double", ExclusiveMinimum = "0", ExclusiveMaximum = "1" },
            "The confidence level of the intervals, in (0, 1); the configured level (0.95) when absent."),
        (_, "includeUnsolicited") => (Flag(), "Whether unsolicited responses (that matched no invitation) count in the scores: true or false; false unless configured otherwise."),
        (_, "historical") => (Flag(), "Whether the rows predate invitations (true or false): stored as historical and counted as solicited, instead of each being matched to its invitation; false when absent."),
        (_, "timeZone") => (Text(), "The IANA time zone the periods are cut in (e.g. Europe/Amsterdam); the configured zone when absent."),
        (_, "customerId") => (Text(), "The customer's id, as the touchpoints and responses gave it."),
        ("/api/responses/{id}", "id") => (Text(), "The responseId the response was stored under."),
        ("/api/follow-ups/{id}" or "/api/follow-ups/{id}/status", "id") => (Text(), "The follow-up's id."),
        ("/api/invitations/{id}/bounce", "id") => (Text(), "The invitation's id, as the invitation mail carries it."),
        (_, "method") => (Enum(WireNames.All<IntervalMethod>()), "The interval method; the configured one when absent."),
        ("/api/follow-ups", "team") => (Text(), "Only follow-ups owned by this team (compared ignoring case); every team's when absent."),
        (_, "team") => (Text(), "The team the huddle is for (required)."),
        (_, "week") => (new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9]{4}-W[0-9]{2}$" },
            "An ISO week, e.g. 2026-W11; instead of from and to. The last complete week when neither is given."),
        (_, "asOf") => (Day(), "The day the current window ends on (yyyy-MM-dd); today in the program's zone when absent."),
        (_, "windowDays") => (new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = Invariant(Ambitions.AmbitionTrackerOptions.MaxWindowDays) },
            "The length of the current window in days; the configured window when absent."),
        (_, "status") => (Enum(WireNames.All<FollowUpStatus>()), "Only follow-ups with this status; all when absent."),
        (_, "limit") => (new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = Invariant(Paging.MaxLimit) },
            $"The most items on the page; {Paging.DefaultLimit} when absent."),
        (_, "cursor") => (Text(), "The opaque cursor of the next page, as the Link header of the previous page gives it."),
        _ => null,
    };

    private static OpenApiSchema Text() => new() { Type = JsonSchemaType.String };

    private static OpenApiSchema Flag() => new() { Type = JsonSchemaType.Boolean };

    private static OpenApiSchema Day() => new() { Type = JsonSchemaType.String, Format = "date" };

    private static OpenApiSchema Instant() => new() { Type = JsonSchemaType.String, Format = "date-time" };

    private static OpenApiSchema Enum(IEnumerable<string> names) =>
        new() { Type = JsonSchemaType.String, Enum = [.. names.Select(n => (JsonNode)JsonValue.Create(n))] };

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

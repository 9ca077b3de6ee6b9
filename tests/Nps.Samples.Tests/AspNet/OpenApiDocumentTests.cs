using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Nps.Samples.Tests.AspNet;

/// <summary>
/// The OpenAPI document is a contract for client generators: it is compared with the approved copy beside this
/// file. A change fails until the copy is updated on purpose (<c>NPS_UPDATE_OPENAPI=1 dotnet test</c> rewrites it,
/// and the diff is reviewed with the change).
/// </summary>
public sealed class OpenApiDocumentTests : ApiTestBase
{
    [Fact]
    public async Task OpenApi_Document_MatchesTheApprovedCopy()
    {
        using var response = await Client.GetAsync("/openapi/v1.json", Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var actual = (await response.Content.ReadAsStringAsync(Token)).ReplaceLineEndings("\n").TrimEnd() + "\n";

        var path = Path.Combine(Folder(), "openapi.v1.approved.json");
        if (Environment.GetEnvironmentVariable("NPS_UPDATE_OPENAPI") == "1") await File.WriteAllTextAsync(path, actual, Token);
        Assert.True(File.Exists(path), $"{path} is missing: run with NPS_UPDATE_OPENAPI=1 once and review it.");
        Assert.Equal((await File.ReadAllTextAsync(path, Token)).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public async Task OpenApi_Document_DeclaresBothSchemesAnd401403429OnEveryOperation()
    {
        using var response = await Client.GetAsync("/openapi/v1.json", Token);
        var document = await response.ReadJsonAsync();

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("apiKey", schemes.GetProperty("ApiKey").GetProperty("type").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("responses", out _)))
            {
                var responses = operation.Value.GetProperty("responses");
                foreach (var status in new[] { "401", "403", "429" })
                {
                    Assert.True(responses.TryGetProperty(status, out _), $"{operation.Name} {path.Name} lacks {status}");
                }

                Assert.Equal(2, operation.Value.GetProperty("security").GetArrayLength());
                Assert.Equal(1, operation.Value.GetProperty("tags").GetArrayLength());
            }
        }
    }

    [Fact]
    public async Task OpenApi_Parameters_AreTypedAndDescribed_OnlyFreeTextIsAPlainString()
    {
        using var response = await Client.GetAsync("/openapi/v1.json", Token);
        var document = await response.ReadJsonAsync();

        var plain = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("parameters", out _)))
            {
                foreach (var parameter in operation.Value.GetProperty("parameters").EnumerateArray())
                {
                    var name = parameter.GetProperty("name").GetString();
                    Assert.True(parameter.TryGetProperty("description", out var description) && description.GetString()!.Length > 0, $"{path.Name} {name} has no description");
                    var schema = parameter.GetProperty("schema");
                    Assert.False(schema.TryGetProperty("$ref", out _), $"{path.Name} {name} refers to a binding type's schema");
                    if (parameter.GetProperty("in").GetString() == "query" && schema.GetProperty("type").GetString() == "string" &&
                        !schema.TryGetProperty("format", out _) && !schema.TryGetProperty("enum", out _) && !schema.TryGetProperty("pattern", out _))
                    {
                        plain.Add($"{path.Name}?{name}");
                    }
                }
            }
        }

        // Free text only: dimension names, the opaque cursor, a team name, an IANA zone id.
        Assert.Equal(["/api/follow-ups?cursor", "/api/follow-ups?team", "/api/huddle?team", "/api/reports/nps?by", "/api/reports/response-rates?by", "/api/reports/response-rates?timeZone"],
            plain.Order(StringComparer.Ordinal));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.DoesNotContain(schemas.EnumerateObject(), s => s.Name.StartsWith("Query", StringComparison.Ordinal));
    }

    private static string Folder([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}

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

    private static string Folder([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}

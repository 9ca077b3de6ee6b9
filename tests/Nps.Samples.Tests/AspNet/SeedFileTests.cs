using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Nps.Intake;
using Nps.AspNetCore.Hosting;

namespace Nps.Samples.Tests.AspNet;

public sealed class SeedFileTests : IDisposable
{
    private readonly TempDatabase _database = new();

    private readonly string _seed = Path.Combine(Path.GetTempPath(), $"nps-seed-{Guid.NewGuid():N}.csv");

    public SeedFileTests() => File.WriteAllText(_seed, """
        response_id,customer_id,responded_at,rating,team,comment
        S1,C1,2026-03-14T10:05:00+01:00,9,Billing,Snel geholpen
        S2,C2,2026-03-14T10:06:00+01:00,eleven,Billing,
        S3,C3,2026-03-14T10:07:00+01:00,2,Sales,Te lang gewacht
        SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS,C4,2026-03-14T10:08:00+01:00,8,Sales,

        """.Replace("\r\n", "\n", StringComparison.Ordinal));

    private NpsApiFactory Start(string seedFile) => new(_database.Path, builder => builder.UseSetting("Nps:SeedFile", seedFile));

    private static async Task<List<string>> StoredIdsAsync(NpsApiFactory factory)
    {
        var store = factory.Services.GetRequiredService<IResponseStore>();
        var ids = new List<string>();
        string? cursor = null;
        for (var page = 0; page < 100; page++)
        {
            var result = await store.ListAsync(100, cursor, TestContext.Current.CancellationToken);
            ids.AddRange(result.Items.Select(r => r.ResponseId));
            if ((cursor = result.NextCursor) is null) break;
        }
        return ids;
    }

    [Fact]
    public async Task Start_WithSeedFile_StoresItsValidRowsAndSkipsTheBadOne()
    {
        using var factory = Start(_seed);
        using var client = factory.CreateClient();

        Assert.Equal(["S1", "S3"], (await StoredIdsAsync(factory)).Order());
    }

    [Fact]
    public async Task Start_SecondTime_AddsNothing()
    {
        using (var first = Start(_seed))
        {
            using var client = first.CreateClient();
        }
        File.AppendAllText(_seed, "S1,C1,2026-03-14T10:05:00+01:00,9,Billing,Snel geholpen\n");

        using var second = Start(_seed);
        using var secondClient = second.CreateClient();

        Assert.Equal(["S1", "S3"], (await StoredIdsAsync(second)).Order());
    }

    [Fact]
    public async Task Start_SeedFileMissing_StartsWithNoResponses()
    {
        using var factory = Start("no/such/seed.csv");
        using var client = factory.CreateClient();

        using var health = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Empty(await StoredIdsAsync(factory));
    }

    [Fact]
    public void Resolve_RepositoryRelativePath_FoundFromTheSampleFolder()
    {
        var root = Path.Combine(Path.GetTempPath(), $"nps-repo-{Guid.NewGuid():N}");
        var sample = Directory.CreateDirectory(Path.Combine(root, "samples", "Nps.Samples.AspNet")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "samples", "data"));
        var file = Path.Combine(root, "samples", "data", "responses.csv");
        File.WriteAllText(file, "rating\n");
        try
        {
            Assert.Equal(file, SeedFile.Resolve(Path.Combine("samples", "data", "responses.csv"), sample));
            Assert.Equal(file, SeedFile.Resolve(Path.Combine("samples", "data", "responses.csv"), root));
            Assert.Null(SeedFile.Resolve("missing.csv", sample));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    public void Dispose()
    {
        _database.Dispose();
        File.Delete(_seed);
    }
}

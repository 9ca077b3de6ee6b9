using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Nps.Intake;
using Nps.Segmentation;

namespace Nps.Samples.Tests.AspNet;

/// <summary>
/// Conditional GET of the report routes: a strong ETag from the data version, the normalised query and the build;
/// If-None-Match answered with 304 and no body before anything is counted; only after authentication.
/// </summary>
public sealed class ConditionalReportTests : ApiTestBase
{
    private const string Report = "/api/reports/nps?by=team&period=month";

    [Fact]
    public async Task GetReport_NoCondition_200WithStrongETagAndPrivateNoCache()
    {
        using var response = await Client.GetAsync(Report, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tag = Raw(response, "ETag");
        Assert.Matches("^\"[0-9a-f]{32}\"$", tag);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal("private, no-cache", Raw(response, "Cache-Control"));
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(0, (await response.ReadJsonAsync()).GetProperty("overall").GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task GetReport_SameETag_304WithTheETagAndNoBody()
    {
        var tag = await ETagAsync(Report);

        using var response = await Client.GetIfNoneMatchAsync(Report, tag);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(tag, Raw(response, "ETag"));
        Assert.Equal("private, no-cache", Raw(response, "Cache-Control"));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Token));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("\"0123456789abcdef0123456789abcdef\", {0}")]
    [InlineData("W/{0}")]
    [InlineData("\"other\",W/{0} , \"more\"")]
    public async Task GetReport_IfNoneMatchStarListOrWeakForm_304(string header)
    {
        var tag = await ETagAsync(Report);

        using var response = await Client.GetIfNoneMatchAsync(Report, string.Format(System.Globalization.CultureInfo.InvariantCulture, header, tag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(tag, Raw(response, "ETag"));
    }

    [Theory]
    [InlineData("\"0123456789abcdef0123456789abcdef\"")]
    [InlineData("not an entity tag")]
    public async Task GetReport_IfNoneMatchOtherOrMalformed_200(string header)
    {
        var tag = await ETagAsync(Report);

        using var response = await Client.GetIfNoneMatchAsync(Report, header);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(tag, Raw(response, "ETag"));
    }

    [Fact]
    public async Task GetReport_AfterPostingAResponse_NewETagAnd200WithIt()
    {
        var before = await ETagAsync(Report);
        using var posted = await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1", rating: 9)), Token);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        using var response = await Client.GetIfNoneMatchAsync(Report, before);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(before, Raw(response, "ETag"));
        Assert.Equal(1, (await response.ReadJsonAsync()).GetProperty("overall").GetProperty("unsolicited").GetInt64()); // posted without an invitation
    }

    [Fact]
    public async Task GetReport_AfterSqlTypedByHand_NewETag()
    {
        (await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1", rating: 9)), Token)).Dispose();
        var before = await ETagAsync(Report);
        using (var connection = new SqliteConnection($"Data Source={Database.Path};Pooling=False"))
        {
            connection.Open();
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE nps_responses SET rating = 2 WHERE response_id = 'R1';";
            Assert.Equal(1, update.ExecuteNonQuery());
        }

        using var response = await Client.GetIfNoneMatchAsync(Report, before);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(before, Raw(response, "ETag"));
    }

    [Fact]
    public async Task GetReport_DifferentQuery_DifferentETag_SameNormalisedQuery_SameETag()
    {
        var byTeam = await ETagAsync("/api/reports/nps?by=team&period=month");

        Assert.NotEqual(byTeam, await ETagAsync("/api/reports/nps?by=team"));
        Assert.NotEqual(byTeam, await ETagAsync("/api/reports/nps?by=team,agent&period=month"));
        Assert.NotEqual(byTeam, await ETagAsync("/api/reports/nps?by=team&period=month&level=0.9"));
        Assert.NotEqual(byTeam, await ETagAsync("/api/reports/nps?by=team&period=month&method=wald"));
        Assert.NotEqual(byTeam, await ETagAsync("/api/reports/nps?by=team&period=month&from=2026-03-01"));
        Assert.NotEqual(byTeam, await ETagAsync("/api/insights/coaching?by=team&period=month"));
        Assert.Equal(byTeam, await ETagAsync("/api/reports/nps?by= team &period=Month"));
        Assert.Equal(await ETagAsync("/api/reports/nps?from=2026-03-01"), await ETagAsync("/api/reports/nps?from=2026-03-01T01:00:00%2B01:00"));
    }

    [Fact]
    public async Task GetReport_OtherConfiguredDefaults_DifferentETag()
    {
        var tag = await ETagAsync(Report);
        using var other = new NpsApiFactory(Database.Path, b => b.UseSetting("Nps:Reporting:MinimumCount", "5"));
        using var sameData = new NpsApiFactory(Database.Path);

        Assert.NotEqual(tag, await ETagAsync(other.CreateClient(), Report));
        Assert.Equal(tag, await ETagAsync(sameData.CreateClient(), Report)); // same build, same data, same defaults: another instance agrees
    }

    [Fact]
    public async Task GetReport_NoKeyWithTheCurrentETag_401Not304()
    {
        var tag = await ETagAsync(Report);
        using var anonymous = Factory.CreateClient(key: null);

        using var response = await anonymous.GetIfNoneMatchAsync(Report, tag);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("ETag"));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetReport_SurveyKeyWithTheCurrentETag_403Not304()
    {
        var tag = await ETagAsync(Report);
        using var survey = Factory.CreateClient(NpsApiFactory.SurveyKey);

        using var response = await survey.GetIfNoneMatchAsync(Report, tag);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("ETag"));
    }

    [Fact]
    public async Task GetReport_InvalidQueryWithIfNoneMatchStar_400()
    {
        using var response = await Client.GetIfNoneMatchAsync("/api/reports/nps?period=fortnight", "*");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("ETag"));
    }

    [Fact]
    public async Task GetReport_304AndRepeatedGet_CountNothing()
    {
        using var factory = new NpsApiFactory(Database.Path, b => b.ConfigureTestServices(services => services.Decorate()));
        using var client = factory.CreateClient();
        var counts = factory.Services.GetRequiredService<CountingSource>();

        var tag = await ETagAsync(client, Report);
        using (var notModified = await client.GetIfNoneMatchAsync(Report, tag)) Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        using var again = await client.GetAsync(Report, Token); // no If-None-Match: the body comes from the cache

        Assert.Equal(1, counts.Counted);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(tag, Raw(again, "ETag"));
        (await client.PostAsync("/api/responses", Api.Json(Api.Response("R1", rating: 9)), Token)).Dispose();
        Assert.NotEqual(tag, await ETagAsync(client, Report));
        Assert.Equal(2, counts.Counted);
    }

    [Fact]
    public async Task GetReport_VersionMovesWhileBuilding_200WithoutETagAndNotCached()
    {
        using var factory = new NpsApiFactory(Database.Path, b => b.ConfigureTestServices(services => services.Decorate(version: _ => new MovingVersion())));
        using var client = factory.CreateClient();

        using var first = await client.GetAsync(Report, Token);
        using var second = await client.GetIfNoneMatchAsync(Report, "*");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("ETag"));
        Assert.Equal("private, no-cache", Raw(first, "Cache-Control"));
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode); // "*" matches any current representation
        Assert.Equal(1, factory.Services.GetRequiredService<CountingSource>().Counted);
        using var third = await client.GetAsync(Report, Token);
        Assert.Equal(2, factory.Services.GetRequiredService<CountingSource>().Counted); // the untagged body was not cached
    }

    [Fact]
    public async Task GetReport_CacheOff_RepeatedGetCountsAgainWithTheSameETag()
    {
        using var factory = new NpsApiFactory(Database.Path, b =>
        {
            b.UseSetting("ReportCache:MaxBytes", "0");
            b.ConfigureTestServices(services => services.Decorate());
        });
        using var client = factory.CreateClient();

        var first = await ETagAsync(client, Report);
        var second = await ETagAsync(client, Report);

        Assert.Equal(first, second);
        Assert.Equal(2, factory.Services.GetRequiredService<CountingSource>().Counted);
    }

    [Fact]
    public void Start_ReportCacheSizeNotANumber_FailsNamingTheSetting()
    {
        using var factory = new NpsApiFactory(Database.Path, b => b.UseSetting("ReportCache:MaxBytes", "lots"));

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Equal("ReportCache:MaxBytes 'lots' is not a whole number of bytes (0 turns the cache of report bodies off).", error.Message);
    }

    [Fact]
    public async Task GetReport_SourceWithoutVersion_200WithoutETagAsBefore()
    {
        using var factory = new NpsApiFactory(Database.Path, b => b.ConfigureTestServices(services => services.Decorate(versioned: false)));
        using var client = factory.CreateClient();

        using var response = await client.GetIfNoneMatchAsync(Report, "*");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("ETag"));
        Assert.Equal("private, no-cache", Raw(response, "Cache-Control"));
        Assert.Equal(0, (await response.ReadJsonAsync()).GetProperty("overall").GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task GetCoaching_SameETag_304_AfterAResponse_200()
    {
        const string coaching = "/api/insights/coaching?by=team";
        var tag = await ETagAsync(coaching);
        using (var notModified = await Client.GetIfNoneMatchAsync(coaching, tag)) Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        (await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1", rating: 9)), Token)).Dispose();

        using var changed = await Client.GetIfNoneMatchAsync(coaching, tag);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(tag, Raw(changed, "ETag"));
        Assert.Equal("private, no-cache", Raw(changed, "Cache-Control"));
    }


    /// <summary>A response header exactly as sent (HttpClient would reformat a parsed one).</summary>
    private static string Raw(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.NonValidated[name]);

    private Task<string> ETagAsync(string path) => ETagAsync(Client, path);

    private static async Task<string> ETagAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Raw(response, "ETag");
    }
}

/// <summary>The store's counter, counting its counts; versioned (passing the store's version on) or not.</summary>
internal sealed class CountingSource(INpsCountSource inner) : INpsCountSource
{
    private int _counted;

    public int Counted => Volatile.Read(ref _counted);

    public async IAsyncEnumerable<NpsCountRow> CountAsync(NpsCountQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _counted);
        await foreach (var row in inner.CountAsync(query, cancellationToken)) yield return row;
    }
}

/// <summary>A <see cref="CountingSource"/> that tells the version of the responses it counts.</summary>
internal sealed class VersionedCountingSource(CountingSource counting, IResponseDataVersion version) : INpsCountSource, IResponseDataVersion
{
    public IAsyncEnumerable<NpsCountRow> CountAsync(NpsCountQuery query, CancellationToken cancellationToken = default) =>
        counting.CountAsync(query, cancellationToken);

    public ValueTask<long> GetResponseVersionAsync(CancellationToken cancellationToken = default) => version.GetResponseVersionAsync(cancellationToken);
}

/// <summary>A version that moves on every read, as if a write committed between any two.</summary>
internal sealed class MovingVersion : IResponseDataVersion
{
    private long _version;

    public ValueTask<long> GetResponseVersionAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Interlocked.Increment(ref _version));
}

internal static class ConditionalRequests
{
    /// <summary>A GET with an <c>If-None-Match</c> header sent as given (a malformed one too).</summary>
    public static async Task<HttpResponseMessage> GetIfNoneMatchAsync(this HttpClient client, string path, string ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Wraps the registered <see cref="INpsCountSource"/> in a <see cref="CountingSource"/>.</summary>
    public static void Decorate(this IServiceCollection services, bool versioned = true, Func<IServiceProvider, IResponseDataVersion>? version = null)
    {
        var registered = services.Last(d => d.ServiceType == typeof(INpsCountSource));
        services.Remove(registered);
        services.AddSingleton(provider => new CountingSource((INpsCountSource)registered.ImplementationFactory!(provider)));
        services.AddSingleton<INpsCountSource>(provider =>
        {
            var counting = provider.GetRequiredService<CountingSource>();
            return versioned
                ? new VersionedCountingSource(counting, version?.Invoke(provider) ?? (IResponseDataVersion)provider.GetRequiredService<IResponseStore>())
                : counting;
        });
    }
}

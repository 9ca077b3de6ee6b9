using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Nps.Delivery;
using Nps.Samples.Tests.AspNet;
using Nps.Sampling;
using Nps.Touchpoints;

namespace Nps.Samples.Tests.Survey;

/// <summary>The store a survey-page test runs on: a fresh SQLite file, or a fresh database on the test PostgreSQL server.</summary>
public enum SurveyStore
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// The sample on a fresh store with the survey pages mapped, every log line captured (all levels), and helpers that
/// decide touchpoints through the program and make their links as the outbox does.
/// </summary>
internal sealed partial class SurveyHost : IDisposable
{
    private readonly TempDatabase sqlite = new();
    private readonly string? postgresDatabase;
    private readonly string? postgresAdmin;

    public SurveyHost(SurveyStore store, Action<IWebHostBuilder>? configure = null)
    {
        if (store == SurveyStore.PostgreSql)
        {
            postgresAdmin = Environment.GetEnvironmentVariable("NPS_TEST_POSTGRES");
            if (string.IsNullOrEmpty(postgresAdmin))
            {
                Assert.False(Environment.GetEnvironmentVariable("CI") is "true" or "1", "NPS_TEST_POSTGRES is not set in CI.");
                Assert.Skip("NPS_TEST_POSTGRES is not set (eval \"$(.ci/postgres.sh start)\").");
            }

            postgresDatabase = $"nps_survey_{Guid.NewGuid():N}";
            using (var connection = new NpgsqlConnection(postgresAdmin))
            {
                connection.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE {postgresDatabase}", connection);
                create.ExecuteNonQuery();
            }
        }

        Factory = new NpsApiFactory(sqlite.Path, builder =>
        {
            if (postgresDatabase is not null)
            {
                builder.UseSetting("Nps:Store", "postgresql");
                builder.UseSetting("ConnectionStrings:Nps", new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = postgresDatabase }.ConnectionString);
            }

            builder.UseSetting("Nps:Survey:RateLimit:PerAddress", "1000000");
            builder.UseSetting("Nps:Survey:RateLimit:PerToken", "1000");
            builder.UseSetting("Nps:Survey:Questions:0:Id", "ease");
            builder.UseSetting("Nps:Survey:Questions:0:Text:nl", "Hoe makkelijk was het?");
            builder.UseSetting("Nps:Survey:Questions:0:Text:en", "How easy was it?");
            builder.UseSetting("Nps:Survey:Questions:0:Choices:0:Value", "easy");
            builder.UseSetting("Nps:Survey:Questions:0:Choices:0:Text:en", "Easy");
            builder.UseSetting("Nps:Survey:Questions:0:Choices:1:Value", "hard");
            builder.UseSetting("Nps:Survey:Questions:0:Choices:1:Text:en", "Hard");
            builder.UseSetting("Nps:Survey:Questions:1:Id", "improve");
            builder.UseSetting("Nps:Survey:Questions:1:Text:en", "What could we do better?");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
            configure?.Invoke(builder);
        });
        Api = Factory.CreateClient();
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public NpsApiFactory Factory { get; }

    /// <summary>The API with the role keys.</summary>
    public HttpClient Api { get; }

    public FakeTimeProvider Clock => (FakeTimeProvider)Factory.Services.GetRequiredService<TimeProvider>();

    public IInvitationStore Invitations => Factory.Services.GetRequiredService<IInvitationStore>();

    public SurveyProgram Program => Factory.Services.GetRequiredService<SurveyProgram>();

    /// <summary>The files of the SQLite store (empty on PostgreSQL).</summary>
    public IEnumerable<string> DatabaseFiles => postgresDatabase is null
        ? new[] { "", "-wal", "-shm" }.Select(s => sqlite.Path + s).Where(File.Exists)
        : [];

    /// <summary>A browser-like client: cookies kept, no redirects followed, no key.</summary>
    public HttpClient Browser() => Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

    /// <summary>Decides a touchpoint (every event is sampled) and returns its invitation and the token its links carry.</summary>
    public async Task<(SurveyInvitation Invitation, string Token)> InviteAsync(string customer, string eventId = "call-1", string team = "Billing",
        string agent = "a-1")
    {
        var decision = await Program.DecideAsync(new TouchpointEvent
        {
            CustomerId = customer, EventId = eventId, OccurredAt = NpsApiFactory.Now.AddHours(-1), Team = team, Agent = agent, Channel = "phone",
        }, TestContext.Current.CancellationToken);
        Assert.NotEqual(DecisionOutcome.Suppress, decision.Outcome);
        var id = SurveyInvitation.IdFor(customer, eventId);
        var invitation = await Invitations.FindAsync(id, TestContext.Current.CancellationToken);
        Assert.NotNull(invitation);
        return (invitation, Program.Tokens.Create(id));
    }

    /// <summary>Marks every due invitation sent at the clock's time, its link good for <paramref name="lifetime"/>.</summary>
    public async Task SendAllAsync(TimeSpan lifetime)
    {
        var now = Clock.GetUtcNow();
        for (var round = 0; round < 100; round++)
        {
            var claims = await Invitations.ClaimDueAsync(now.AddDays(30), 1000, TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
            if (claims.Count == 0) return;
            foreach (var claim in claims) await Invitations.MarkSentAsync(claim, now, now + lifetime, null, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The hidden antiforgery field of a form page.</summary>
    public static KeyValuePair<string, string> Antiforgery(string html)
    {
        var match = AntiforgeryField().Match(html);
        Assert.True(match.Success, "the page has no antiforgery field");
        return new(match.Groups[1].Value, WebUtility.HtmlDecode(match.Groups[2].Value));
    }

    /// <summary>Opens the form and posts it with its antiforgery token and the given fields.</summary>
    public static async Task<HttpResponseMessage> AnswerAsync(HttpClient browser, string token, params (string Name, string Value)[] fields)
    {
        var page = await browser.GetStringAsync($"/s/{token}", TestContext.Current.CancellationToken);
        var form = new List<KeyValuePair<string, string>> { Antiforgery(page) };
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await browser.PostAsync($"/s/{token}", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        Api.Dispose();
        Factory.Dispose();
        sqlite.Dispose();
        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(postgresAdmin);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")]
    private static partial Regex AntiforgeryField();
}

using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nps.AspNetCore.Delivery;
using Nps.Delivery;
using Nps.Samples.Tests.AspNet;
using Nps.Sampling;

namespace Nps.Samples.Tests.Delivery;

/// <summary>The web sample in Development sends its survey e-mails to the SMTP server <c>Nps:Delivery:Smtp</c> names.</summary>
public sealed class SampleDeliveryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TouchpointPosted_DevelopmentWithSmtpHost_EmailAtSinkWithTokenLinksAndHeaders()
    {
        await using var sink = await SmtpSink.StartAsync(Token);
        using var database = new TempDatabase();
        await using var factory = new DeliveryFactory(database.Path, sink.Port);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "survey-dev-key");

        using var post = await client.PostAsync(new Uri("/api/touchpoints", UriKind.Relative),
            new StringContent(Api.Touchpoint("C-mail-1", "E1"), Encoding.UTF8, "application/json"), Token);
        var message = Assert.Single(await sink.WaitForAsync(1, TimeSpan.FromSeconds(60), Token));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var id = SurveyInvitation.IdFor("C-mail-1", "E1");
        var token = factory.Services.GetRequiredService<SurveyProgram>().Tokens.Create(id);
        Assert.Equal("C-mail-1@example.test", message.To);
        Assert.Equal($"<{id}.invitation@127.0.0.1>", message.MessageId);
        Assert.False(string.IsNullOrWhiteSpace(message.Subject));
        for (var n = 0; n <= 10; n++)
        {
            Assert.Contains($"http://127.0.0.1:5080/s/{token}?score={n}", message.Text, StringComparison.Ordinal);
            Assert.Contains($"http://127.0.0.1:5080/s/{token}?score={n}", message.Html, StringComparison.Ordinal);
        }

        Assert.Equal($"<http://127.0.0.1:5080/s/{token}/unsubscribe>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        // The message reaches the sink just before the dispatcher marks it sent: wait (bounded) for that mark.
        var invitations = factory.Services.GetRequiredService<IInvitationStore>();
        var stored = await invitations.FindAsync(id, Token);
        for (var attempt = 0; attempt < 600 && stored?.Status != InvitationStatus.Sent; attempt++)
        {
            await Task.Delay(100, Token);
            stored = await invitations.FindAsync(id, Token);
        }

        Assert.Equal(InvitationStatus.Sent, stored!.Status);
    }

    [Fact]
    public async Task TouchpointPosted_DevelopmentWithoutSmtpHost_NothingSentAndReady()
    {
        using var database = new TempDatabase();
        await using var factory = new DeliveryFactory(database.Path, smtpPort: null);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "survey-dev-key");
        await factory.Services.GetRequiredService<Nps.AspNetCore.Hosting.NpsStartup>().WhenReady.WaitAsync(TimeSpan.FromMinutes(5), Token);

        using var post = await client.PostAsync(new Uri("/api/touchpoints", UriKind.Relative),
            new StringContent(Api.Touchpoint("C-mail-2", "E1"), Encoding.UTF8, "application/json"), Token);
        using var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var stored = await factory.Services.GetRequiredService<IInvitationStore>().FindAsync(SurveyInvitation.IdFor("C-mail-2", "E1"), Token);
        Assert.Equal(InvitationStatus.Scheduled, stored!.Status);
    }

    [Fact]
    public async Task Start_SmtpHostWithoutFromAndBaseUrl_FailsNamingTheKeys()
    {
        using var database = new TempDatabase();
        await using var factory = new DeliveryFactory(database.Path, smtpPort: 2525, settings: new() { ["Nps:Delivery:Smtp:From"] = "", ["Nps:Delivery:BaseUrl"] = "survey" });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Nps:Delivery:Smtp:From", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nps:Delivery:BaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SenderWithoutRecipientDirectory_FailsNamingIt()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(new Microsoft.AspNetCore.Builder.WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseSetting("urls", "http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Nps:SamplingKey"] = NpsApiFactory.TestSamplingKey, ["Nps:Delivery:Smtp:Host"] = "127.0.0.1", ["Nps:Delivery:Smtp:From"] = "survey@example.test",
            ["Nps:Delivery:BaseUrl"] = "https://survey.example.test/", ["Nps:Delivery:OrganisationName"] = "Acme",
        });
        builder.Services.AddNps(builder.Configuration.GetSection("Nps"));
        builder.Services.AddNpsDelivery(builder.Configuration);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync(Token));

        Assert.Contains(nameof(IRecipientDirectory), error.Message, StringComparison.Ordinal);
    }

    /// <summary>The sample in Development on a SQLite file, every event sampled, the outbox polling often.</summary>
    private sealed class DeliveryFactory(string databasePath, int? smtpPort, Dictionary<string, string>? settings = null) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Nps", $"Data Source={databasePath}");
            builder.UseSetting("Nps:Sampling:Policies:1:Rate", "1");
            builder.UseSetting("Nps:Delivery:PollInterval", "00:00:00.100");
            if (smtpPort is { } port)
            {
                builder.UseSetting("Nps:Delivery:Smtp:Host", "127.0.0.1");
                builder.UseSetting("Nps:Delivery:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            foreach (var (key, value) in settings ?? []) builder.UseSetting(key, value);
        }
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Nps.Samples.Tests.AspNet;

/// <summary><c>DELETE /api/customers/{customerId}</c>: the privacy role (analysts too in Development), 204 twice, the record gone, the old rows refused.</summary>
public sealed class ErasureRouteTests : ApiTestBase
{
    private const string PrivacyKey = NpsApiFactory.PrivacyKey;
    private const string Customer = "cust-9XK2-erase";
    private const string Comment = "Qwertyuiop-Nightingale vond het gesprek vervelend";

    private static string Answer(string id) => Api.Response(id, rating: 2, respondent: Customer).Replace("Snel geholpen", Comment, StringComparison.Ordinal);

    [Fact]
    public async Task DeleteCustomer_PrivacyKey_204TwiceRecordEmptyOldResponseRefused()
    {
        (await Client.PostAsync("/api/touchpoints", Api.Json(Api.Touchpoint(Customer, "E1")), Token)).Dispose();
        using (var stored = await Client.PostAsync("/api/responses", Api.Json(Answer("R-erase-1")), Token)) Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        using var privacy = Factory.CreateClient(PrivacyKey);

        using var first = await privacy.DeleteAsync($"/api/customers/{Customer}", Token);
        using var repeat = await privacy.DeleteAsync($"/api/customers/{Customer}", Token);
        using var record = await Client.GetAsync($"/api/customers/{Customer}", Token);
        using var retried = await Client.PostAsync("/api/responses", Api.Json(Answer("R-erase-1")), Token);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (first.StatusCode, repeat.StatusCode));
        Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
        var json = await record.ReadJsonAsync();
        Assert.Equal((0, 0, 0), (json.GetProperty("contacts").GetArrayLength(), json.GetProperty("responses").GetArrayLength(), json.GetProperty("followUps").GetArrayLength()));
        Assert.Equal(HttpStatusCode.BadRequest, retried.StatusCode);
        Assert.Equal(Nps.Privacy.CustomerErasure.ErasedReason, (await retried.ReadJsonAsync()).GetProperty("errors").GetProperty("respondentId")[0].GetString());
    }

    [Fact]
    public async Task Touchpoint_ErasedCustomerOldEventRetried_SuppressedCustomerErasedNothingStored()
    {
        using (var first = await Client.PostAsync("/api/touchpoints", Api.Json(Api.Touchpoint(Customer, "E1")), Token))
        {
            Assert.Equal("invite", (await first.ReadJsonAsync()).GetProperty("outcome").GetString());
        }

        using var privacy = Factory.CreateClient(PrivacyKey);
        (await privacy.DeleteAsync($"/api/customers/{Customer}", Token)).Dispose();

        using var retried = await Client.PostAsync("/api/touchpoints", Api.Json(Api.Touchpoint(Customer, "E1")), Token);
        using var record = await Client.GetAsync($"/api/customers/{Customer}", Token);
        Clock.Advance(TimeSpan.FromHours(1));
        var later = Api.Touchpoint(Customer, "E2").Replace("2026-03-14T10:00:00+01:00", Clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var cameBack = await Client.PostAsync("/api/touchpoints", Api.Json(later), Token);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var decision = await retried.ReadJsonAsync();
        Assert.Equal(("suppress", Nps.Sampling.SurveyProgram.CustomerErasedRule),
            (decision.GetProperty("outcome").GetString(), decision.GetProperty("rule").GetString()));
        Assert.Equal(0, (await record.ReadJsonAsync()).GetProperty("contacts").GetArrayLength());
        Assert.Equal("invite", (await cameBack.ReadJsonAsync()).GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData(NpsApiFactory.AnalystKey)]
    [InlineData(NpsApiFactory.SurveyKey)]
    public async Task DeleteCustomer_OtherRoleOutsideDevelopment_403(string key)
    {
        using var client = Factory.CreateClient(key);

        using var delete = await client.DeleteAsync($"/api/customers/{Customer}", Token);

        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
    }

    [Fact]
    public async Task DeleteCustomer_AnalystKeyInDevelopment_204()
    {
        using var development = new NpsApiFactory(Database.Path + "-dev", builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Nps:SeedFile", "");
        });
        using var client = development.CreateClient(NpsApiFactory.AnalystKey);

        using var delete = await client.DeleteAsync($"/api/customers/{Customer}", Token);

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Fact]
    public async Task IntakeAndErasure_LoggedAtTrace_NeverTheCustomerIdOrComment()
    {
        var logs = new CapturingLoggerProvider();
        using var logged = new NpsApiFactory(Database.Path, builder =>
        {
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        });
        using var client = logged.CreateClient();
        using var privacy = logged.CreateClient(PrivacyKey);

        (await client.PostAsync("/api/touchpoints", Api.Json(Api.Touchpoint(Customer, "E1")), Token)).Dispose();
        (await client.PostAsync("/api/responses", Api.Json(Answer("R-log-1")), Token)).Dispose();
        (await client.PostAsync("/api/responses", Api.Json(Answer("R-log-1").Replace("\"rating\": 2", "\"rating\": 7", StringComparison.Ordinal)), Token)).Dispose(); // a conflict
        (await client.GetAsync($"/api/customers/{Customer}", Token)).Dispose();
        (await privacy.DeleteAsync($"/api/customers/{Customer}", Token)).Dispose();
        (await client.PostAsync("/api/responses", Api.Json(Answer("R-log-1")), Token)).Dispose(); // refused: erased

        var lines = logs.Lines.ToList();
        Assert.Contains(lines, line => line.Contains("Microsoft.AspNetCore.Routing", StringComparison.Ordinal)); // Trace reached the capture
        Assert.DoesNotContain(lines, line => line.Contains(Customer, StringComparison.Ordinal) || line.Contains("Qwertyuiop", StringComparison.Ordinal));
    }
}

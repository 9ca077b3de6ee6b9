using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nps.Delivery;
using Nps.Intake;
using Nps.Samples.Tests.AspNet;

namespace Nps.Samples.Tests.Survey;

/// <summary>The response page, answer and unsubscribe routes on one store (the subclasses below pick SQLite or PostgreSQL).</summary>
public abstract class SurveyPageTests(SurveyStore store)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_EveryLinkOfThousandInvitations_StoresNoResponseAndNoOptOut()
    {
        using var host = new SurveyHost(store);
        var tokens = new List<(SurveyInvitation Invitation, string Token)>();
        for (var i = 0; i < 1000; i++) tokens.Add(await host.InviteAsync($"C{i:D4}"));
        await host.SendAllAsync(TimeSpan.FromDays(14));
        using var scanner = host.Browser();
        foreach (var (_, token) in tokens)
        {
            for (var score = 0; score <= 10; score++)
            {
                using var opened = await scanner.GetAsync($"/s/{token}?score={score}", Token);
                Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
            }

            using var unsubscribe = await scanner.GetAsync($"/s/{token}/unsubscribe", Token);
            Assert.Equal(HttpStatusCode.OK, unsubscribe.StatusCode);
        }

        var report = await (await host.Api.GetAsync("/api/reports/nps?includeManual=true", Token)).ReadJsonAsync();
        Assert.Equal(0, report.GetProperty("overall").GetProperty("count").GetInt32());
        foreach (var (invitation, _) in tokens)
        {
            var after = await host.Invitations.FindAsync(invitation.Id, Token);
            Assert.Equal(InvitationStatus.Sent, after!.Status);
        }

        // No opt-out in the ledger: a later touchpoint of these customers is not suppressed as opted out.
        for (var i = 0; i < 1000; i += 97)
        {
            var decision = await host.Program.DecideAsync(new Touchpoints.TouchpointEvent
            {
                CustomerId = $"C{i:D4}", EventId = "later", OccurredAt = NpsApiFactory.Now, Team = "Billing",
            }, Token);
            Assert.NotEqual(Fatigue.FatigueRuleNames.OptedOut, (decision as Sampling.SuppressDecision)?.Rule);
        }
    }

    [Theory]
    [InlineData("11")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("7.0")]
    public async Task Get_BadOneClickScore_OpensThePageWithNothingPreselected(string score)
    {
        using var host = new SurveyHost(store);
        var (_, token) = await host.InviteAsync("C1");
        using var browser = host.Browser();

        using var page = await browser.GetAsync($"/s/{token}?score={Uri.EscapeDataString(score)}", Token);
        var html = await page.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"score-10\" name=\"score\" value=\"10\"", html);
        Assert.DoesNotContain(" checked", html, StringComparison.Ordinal);
        Assert.DoesNotContain("score-error", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_OneClickScore_PreselectsItAndSetsEveryHeader()
    {
        using var host = new SurveyHost(store);
        var (_, token) = await host.InviteAsync("C1");
        using var browser = host.Browser();
        using var page = await browser.GetAsync($"/s/{token}?score=7", Token);
        var html = await page.Content.ReadAsStringAsync(Token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"score-7\" name=\"score\" value=\"7\" checked", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<fieldset", html);
        Assert.Contains("<legend>", html);
        Assert.Contains("name=\"q:ease\"", html);
        Assert.Contains("name=\"q:improve\"", html);
        AssertPageHeaders(page);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single());

        foreach (var path in new[] { $"/s/{token}/unsubscribe", "/s/nope", $"/s/{Tampered(token)}" })
        {
            using var other = await browser.GetAsync(path, Token);
            AssertPageHeaders(other);
        }
    }

    [Fact]
    public async Task Get_AcceptLanguage_ChoosesDutchOrEnglish()
    {
        using var host = new SurveyHost(store);
        var (_, token) = await host.InviteAsync("C1");
        using var browser = host.Browser();
        foreach (var (accept, lang) in new[] { ("nl-NL,nl;q=0.9", "nl"), ("de-DE, en;q=0.5", "en"), ("fr", "en"), ("en;q=0.2, nl-BE;q=0.8", "nl") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/s/{token}");
            request.Headers.TryAddWithoutValidation("Accept-Language", accept);
            using var page = await browser.SendAsync(request, Token);
            Assert.Contains($"<html lang=\"{lang}\">", await page.Content.ReadAsStringAsync(Token));
        }
    }

    [Fact]
    public async Task Post_FormWithForeignFields_StoresOnceBoundToInvitation()
    {
        using var host = new SurveyHost(store);
        var (invitation, token) = await host.InviteAsync("C1", team: "Billing", agent: "a-7");
        using var browser = host.Browser();
        var antiforgery = SurveyHost.Antiforgery(await browser.GetStringAsync($"/s/{token}", Token));
        FormUrlEncodedContent Form() => new([antiforgery, new("score", "3"), new("comment", "Te lang gewacht"), new("callback", "true"),
            new("q:ease", "hard"), new("q:improve", "answer the phone"), new("team", "Sales"), new("agent", "a-1"), new("customerId", "C999"),
            new("respondentId", "C999"), new("inclusionProbability", "0.01"), new("probability", "0.01"), new("isManual", "true"), new("q:unknown", "x")]);
        using var answered = await browser.PostAsync($"/s/{token}", Form(), Token);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("Thank you", await answered.Content.ReadAsStringAsync(Token));

        var stored = await (await host.Api.GetAsync($"/api/responses/{SurveyAnswers.ResponseIdFor(invitation.Id)}", Token)).ReadJsonAsync();
        Assert.Equal("C1", stored.GetProperty("respondentId").GetString());
        Assert.Equal(invitation.Id, stored.GetProperty("invitationId").GetString());
        Assert.Equal("Billing", stored.GetProperty("team").GetString());
        Assert.Equal("a-7", stored.GetProperty("agent").GetString());
        Assert.Equal(invitation.InclusionProbability, stored.GetProperty("inclusionProbability").GetDouble());
        Assert.False(stored.GetProperty("isManual").GetBoolean());
        Assert.Equal(3, stored.GetProperty("rating").GetInt32());
        Assert.True(stored.GetProperty("callbackRequested").GetBoolean());
        var attributes = stored.GetProperty("attributes");
        Assert.Equal("hard", attributes.GetProperty("q:ease").GetString());
        Assert.Equal("answer the phone", attributes.GetProperty("q:improve").GetString());
        Assert.False(attributes.TryGetProperty("q:unknown", out _));
        Assert.NotEqual(JsonValueKind.Null, stored.GetProperty("followUpId").ValueKind); // a detractor asking for a callback

        // A second submission: "already answered", nothing changed.
        using var again = await browser.PostAsync($"/s/{token}", Form(), Token);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already been answered", await again.Content.ReadAsStringAsync(Token));
        var still = await (await host.Api.GetAsync($"/api/responses/{SurveyAnswers.ResponseIdFor(invitation.Id)}", Token)).ReadJsonAsync();
        Assert.Equal(3, still.GetProperty("rating").GetInt32());
        var report = await (await host.Api.GetAsync("/api/reports/nps", Token)).ReadJsonAsync();
        Assert.Equal(1, report.GetProperty("overall").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryOrScoreOrWithBadChoice_StoresNothing()
    {
        using var host = new SurveyHost(store);
        var (invitation, token) = await host.InviteAsync("C1");
        using var browser = host.Browser();
        using var forged = await browser.PostAsync($"/s/{token}", new FormUrlEncodedContent([new("score", "10")]), Token);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var noScore = await SurveyHost.AnswerAsync(browser, token, ("score", "11"));
        Assert.Equal(HttpStatusCode.BadRequest, noScore.StatusCode);
        Assert.Contains("Choose a score from 0 to 10.", await noScore.Content.ReadAsStringAsync(Token));
        using var badChoice = await SurveyHost.AnswerAsync(browser, token, ("score", "8"), ("q:ease", "meh"));
        Assert.Equal(HttpStatusCode.BadRequest, badChoice.StatusCode);
        using var notForm = await browser.PostAsync($"/s/{token}", new StringContent("{\"score\":9}", Encoding.UTF8, "application/json"), Token);
        Assert.Equal(HttpStatusCode.BadRequest, notForm.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.GetAsync($"/api/responses/{SurveyAnswers.ResponseIdFor(invitation.Id)}", Token)).StatusCode);
        Assert.Equal(InvitationStatus.Scheduled, (await host.Invitations.FindAsync(invitation.Id, Token))!.Status);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("7.0")]
    [InlineData(" 7")]
    [InlineData("+7")]
    [InlineData("11")]
    public async Task Post_BadScore_RefusedUnderTheScoreFieldAndStoresNothing(string score)
    {
        using var host = new SurveyHost(store);
        var (invitation, token) = await host.InviteAsync("C1");
        using var browser = host.Browser();

        using var post = await SurveyHost.AnswerAsync(browser, token, ("score", score));
        var html = await post.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("score-error", html, StringComparison.Ordinal);
        Assert.Contains("Choose a score from 0 to 10.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.GetAsync($"/api/responses/{SurveyAnswers.ResponseIdFor(invitation.Id)}", Token)).StatusCode);
    }

    [Fact]
    public async Task Tokens_TamperedUnknownExpiredReused_StoreNothingWithTheirStatus()
    {
        using var host = new SurveyHost(store);
        var (invitation, token) = await host.InviteAsync("C1");
        var (expiring, expiredToken) = await host.InviteAsync("C2");
        await host.SendAllAsync(TimeSpan.FromDays(14));
        using var browser = host.Browser();
        var form = SurveyHost.Antiforgery(await browser.GetStringAsync($"/s/{token}", Token));
        host.Clock.Advance(TimeSpan.FromDays(15)); // both links expire

        var unknown = host.Program.Tokens.Create("no-such-invitation-id0");
        foreach (var (path, status) in new[]
        {
            ($"/s/{Tampered(token)}", HttpStatusCode.NotFound), ($"/s/{unknown}", HttpStatusCode.NotFound), ("/s/short", HttpStatusCode.NotFound),
            ($"/s/{expiredToken}", HttpStatusCode.Gone),
        })
        {
            using var get = await browser.GetAsync(path, Token);
            Assert.Equal(status, get.StatusCode);
            using var post = await browser.PostAsync(path, new FormUrlEncodedContent([form, new("score", "9")]), Token);
            Assert.Equal(status, post.StatusCode);
            var body = await post.Content.ReadAsStringAsync(Token);
            Assert.DoesNotContain("C2", body);
            Assert.DoesNotContain("Billing", body);
            if (status != HttpStatusCode.NotFound) continue; // an expired link still unsubscribes (below), so only unknown ones here
            using var unsubscribe = await browser.PostAsync(path + "/unsubscribe", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Token);
            Assert.Equal(HttpStatusCode.NotFound, unsubscribe.StatusCode);
        }

        Assert.Equal(InvitationStatus.Expired, (await host.Invitations.FindAsync(expiring.Id, Token))!.StatusAt(host.Clock.GetUtcNow()));
        using var late = await browser.PostAsync($"/s/{expiredToken}/unsubscribe", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Token);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var report = await (await host.Api.GetAsync("/api/reports/nps?includeManual=true", Token)).ReadJsonAsync();
        Assert.Equal(0, report.GetProperty("overall").GetProperty("count").GetInt32());
        Assert.Equal(InvitationStatus.Sent, (await host.Invitations.FindAsync(invitation.Id, Token))!.Status);
    }

    [Fact]
    public async Task OneClickUnsubscribe_NextTouchpoint_SuppressedOptedOut()
    {
        using var host = new SurveyHost(store);
        var (_, token) = await host.InviteAsync("C1");
        using var mailClient = host.Browser();
        using var confirm = await mailClient.GetAsync($"/s/{token}/unsubscribe", Token);
        Assert.Contains("name=\"List-Unsubscribe\" value=\"One-Click\"", await confirm.Content.ReadAsStringAsync(Token));
        using var noBody = await mailClient.PostAsync($"/s/{token}/unsubscribe", new FormUrlEncodedContent([]), Token);
        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);

        using var oneClick = await mailClient.PostAsync($"/s/{token}/unsubscribe", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Token);
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        AssertPageHeaders(oneClick);

        using var next = await host.Api.PostAsync("/api/touchpoints", Api.Json(Api.Touchpoint("C1", "call-2")), Token);
        var decision = await next.ReadJsonAsync();
        Assert.Equal("suppress", decision.GetProperty("outcome").GetString());
        Assert.Equal("opted-out", decision.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Tokens_AfterAnsweringAndUnsubscribing_AreNeitherInDatabaseFilesNorLogs()
    {
        // Every level of every category, ASP.NET Core's included, into the captured lines (the console gets none).
        using var host = new SurveyHost(store, builder => builder.UseSetting("Logging:LogLevel:Default", "Trace")
            .UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace").UseSetting("Logging:Console:LogLevel:Default", "None"));
        var tokens = new List<string>();
        for (var i = 0; i < 5; i++) tokens.Add((await host.InviteAsync($"C{i}")).Token);
        using var browser = host.Browser();
        using (await SurveyHost.AnswerAsync(browser, tokens[0], ("score", "9"), ("comment", "fine"))) { }
        using (await browser.PostAsync($"/s/{tokens[1]}/unsubscribe", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Token)) { }
        using (await browser.GetAsync($"/s/{tokens[2]}?score=3", Token)) { }
        using (await browser.GetAsync($"/s/{Tampered(tokens[3])}", Token)) { }

        Assert.NotEmpty(host.Logs.Lines);
        foreach (var token in tokens)
        {
            var leaked = host.Logs.Lines.Where(line => line.Contains(token, StringComparison.Ordinal) || line.Contains(Tampered(token), StringComparison.Ordinal));
            Assert.True(!leaked.Any(), string.Join("\n", leaked));
        }

        if (store == SurveyStore.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var files = host.DatabaseFiles.ToList();
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                var bytes = File.ReadAllBytes(file);
                foreach (var token in tokens) Assert.True(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(token)) < 0, $"{Path.GetFileName(file)} holds a token");
            }
        }
        else
        {
            // PostgreSQL: no column of any table holds a token as text.
            await using var connection = new Npgsql.NpgsqlConnection(host.Factory.Services.GetRequiredService<IConfiguration>().GetConnectionString("Nps"));
            await connection.OpenAsync(Token);
            var tables = new List<string>();
            await using (var list = new Npgsql.NpgsqlCommand("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog','information_schema')", connection))
            await using (var reader = await list.ExecuteReaderAsync(Token))
            {
                while (await reader.ReadAsync(Token)) tables.Add(reader.GetString(0));
            }

            Assert.NotEmpty(tables);
            foreach (var table in tables)
            {
                foreach (var token in tokens)
                {
                    await using var find = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM {table} t WHERE t::text LIKE '%' || @token || '%'", connection);
                    find.Parameters.AddWithValue("token", token);
                    Assert.Equal(0L, (long)(await find.ExecuteScalarAsync(Token))!);
                }
            }
        }
    }

    [Fact]
    public async Task Get_BeyondPerTokenLimit_Gets429WithRetryAfter()
    {
        using var host = new SurveyHost(store, builder => builder.UseSetting("Nps:Survey:RateLimit:PerToken", "3"));
        var (_, token) = await host.InviteAsync("C1");
        var (_, other) = await host.InviteAsync("C2");
        using var browser = host.Browser();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/s/{token}", Token)).StatusCode);
        using var limited = await browser.GetAsync($"/s/{token}", Token);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null);
        AssertPageHeaders(limited);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/s/{other}", Token)).StatusCode); // another token's window
    }

    [Fact]
    public async Task Bounce_BounceAndComplaint_MarkInvitationAndOptOut()
    {
        using var host = new SurveyHost(store);
        var (bounced, _) = await host.InviteAsync("C1");
        var (complained, _) = await host.InviteAsync("C2");
        await host.SendAllAsync(TimeSpan.FromDays(14));
        using var survey = host.Factory.CreateClient(NpsApiFactory.SurveyKey);
        using var analyst = host.Factory.CreateClient(NpsApiFactory.AnalystKey);

        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync($"/api/invitations/{bounced.Id}/bounce", Api.Json("""{"kind":"bounce"}"""), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await survey.PostAsync($"/api/invitations/{bounced.Id}/bounce", Api.Json("""{"kind":"soft"}"""), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await survey.PostAsync($"/api/invitations/{bounced.Id}/bounce", Api.Json("""{"kind":"bounce","x":1}"""), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await survey.PostAsync("/api/invitations/nope/bounce", Api.Json("""{"kind":"bounce"}"""), Token)).StatusCode);

        var b = await (await survey.PostAsync($"/api/invitations/{bounced.Id}/bounce", Api.Json("""{"kind":"bounce"}"""), Token)).ReadJsonAsync();
        Assert.Equal("bounced", b.GetProperty("status").GetString());
        var c = await (await survey.PostAsync($"/api/invitations/{complained.Id}/bounce", Api.Json("""{"kind":"complaint"}"""), Token)).ReadJsonAsync();
        Assert.Equal("opted-out", c.GetProperty("status").GetString());

        var next = await (await survey.PostAsync("/api/touchpoints", Api.Json(Api.Touchpoint("C2", "call-9")), Token)).ReadJsonAsync();
        Assert.Equal("opted-out", next.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Coaching_TeamAnsweringFarMoreThanItsPeers_ResponseRateOutlierAndETagFollowsInvitations()
    {
        using var host = new SurveyHost(store);
        var teams = new[] { "Billing", "Sales", "Support", "Returns" };
        var invited = new List<(string Team, string Token)>();
        for (var i = 0; i < 160; i++) invited.Add((teams[i % 4], (await host.InviteAsync($"C{i}", team: teams[i % 4])).Token));
        await host.SendAllAsync(TimeSpan.FromDays(14));
        using var browser = host.Browser();
        for (var i = 0; i < 160; i++)
        {
            // Billing answers 30 of its 40 invitations, the others 8 of 40 each.
            if (invited[i].Team == "Billing" ? i / 4 < 30 : i / 4 < 8)
            {
                using var r = await SurveyHost.AnswerAsync(browser, invited[i].Token, ("score", "9"));
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            }
        }

        using var first = await host.Api.GetAsync("/api/insights/coaching?by=team", Token);
        var signals = (await first.ReadJsonAsync()).GetProperty("signals").EnumerateArray()
            .Where(s => s.GetProperty("kind").GetString() == "response-rate-outlier").ToList();
        var outlier = Assert.Single(signals);
        Assert.Equal("Billing", outlier.GetProperty("value").GetString());
        Assert.Contains("(30 of 40 sent) against peers' 20.0 % (24 of 120)", outlier.GetProperty("evidence").GetProperty("summary").GetString(), StringComparison.Ordinal);

        // More invitations sent, no response added: the signals' evidence changed, so the old ETag no longer matches.
        var tag = first.Headers.ETag!;
        for (var i = 160; i < 164; i++) await host.InviteAsync($"C{i}", team: "Sales");
        await host.SendAllAsync(TimeSpan.FromDays(14));
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/insights/coaching?by=team");
        again.Headers.IfNoneMatch.Add(tag);
        using var second = await host.Api.SendAsync(again, Token);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("against peers' 19.4 % (24 of 124)", (await second.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponseRates_ByTeamAndWeekAndInTheHuddle_EqualIndependentCount()
    {
        using var host = new SurveyHost(store);
        var teams = new[] { "Billing", "Sales", "Support" };
        var invited = new List<(string Team, string Token)>();
        for (var i = 0; i < 60; i++)
        {
            var team = teams[i % 3];
            invited.Add((team, (await host.InviteAsync($"C{i}", team: team)).Token));
        }

        await host.SendAllAsync(TimeSpan.FromDays(14));
        using var browser = host.Browser();
        var answered = new HashSet<int>();
        for (var i = 0; i < 60; i++)
        {
            if (i % 7 is 0 or 2 || (i % 3 == 1 && i % 2 == 0))
            {
                using var r = await SurveyHost.AnswerAsync(browser, invited[i].Token, ("score", (i % 11).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
                answered.Add(i);
            }
        }

        var document = await (await host.Api.GetAsync("/api/reports/response-rates?by=team&period=week&timeZone=Europe/Amsterdam&level=0.9", Token)).ReadJsonAsync();
        Assert.Equal(60, document.GetProperty("overall").GetProperty("sent").GetInt64());
        Assert.Equal(answered.Count, document.GetProperty("overall").GetProperty("answered").GetInt64());
        var cells = document.GetProperty("segments").EnumerateArray().Where(c => c.GetProperty("dimensions").TryGetProperty("team", out _)).ToList();
        Assert.Equal(3, cells.Count);
        foreach (var cell in cells)
        {
            var team = cell.GetProperty("dimensions").GetProperty("team").GetString();
            long sent = invited.Count(x => x.Team == team), yes = Enumerable.Range(0, 60).Count(i => answered.Contains(i) && invited[i].Team == team);
            Assert.Equal(sent, cell.GetProperty("sent").GetInt64());
            Assert.Equal(yes, cell.GetProperty("answered").GetInt64());
            Assert.Equal((double)yes / sent, cell.GetProperty("rate").GetDouble(), 1e-12);
            // Wilson score interval at 90 %, written out independently (z = 1.6448536269514722).
            const double z = 1.6448536269514722;
            double n = sent, p = yes / n, denominator = 1 + (z * z / n);
            var centre = (p + (z * z / (2 * n))) / denominator;
            var half = z * Math.Sqrt((p * (1 - p) / n) + (z * z / (4 * n * n))) / denominator;
            Assert.Equal(centre - half, cell.GetProperty("lower").GetDouble(), 1e-9);
            Assert.Equal(centre + half, cell.GetProperty("upper").GetDouble(), 1e-9);
        }

        // The huddle brief of a team carries the team's rate of the invitations sent in its days; none for a team without invitations.
        var day = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        var days = $"from={day.AddDays(-1):yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}";
        var brief = await (await host.Api.GetAsync($"/api/huddle?team=billing&{days}", Token)).ReadJsonAsync();
        var billing = brief.GetProperty("responseRate");
        Assert.Equal((invited.Count(x => x.Team == "Billing"), Enumerable.Range(0, 60).Count(i => answered.Contains(i) && invited[i].Team == "Billing")),
            (billing.GetProperty("sent").GetInt32(), billing.GetProperty("answered").GetInt32()));
        var nobody = await (await host.Api.GetAsync($"/api/huddle?team=Nobody&{days}", Token)).ReadJsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, nobody.GetProperty("responseRate").ValueKind);

        Assert.Equal(HttpStatusCode.BadRequest, (await host.Api.GetAsync("/api/reports/response-rates?timeZone=Mars/Olympus", Token)).StatusCode);
        using var noKey = host.Factory.CreateClient(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await noKey.GetAsync("/api/reports/response-rates", Token)).StatusCode);
    }

    /// <summary>The token with one character changed (still well-formed).</summary>
    private static string Tampered(string token) => (token[0] == 'A' ? 'B' : 'A') + token[1..];

    private static void AssertPageHeaders(HttpResponseMessage page)
    {
        Assert.Equal("no-store", string.Join(",", page.Headers.GetValues("Cache-Control")));
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("noindex", page.Headers.GetValues("X-Robots-Tag").Single());
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("script-src", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.StartsWith("text/html", page.Content.Headers.ContentType!.ToString());
    }
}

public sealed class SurveyPageSqliteTests() : SurveyPageTests(SurveyStore.Sqlite);

public sealed class SurveyPagePostgreSqlTests() : SurveyPageTests(SurveyStore.PostgreSql);

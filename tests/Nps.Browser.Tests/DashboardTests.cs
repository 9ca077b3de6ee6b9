using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Nps.Browser.Tests;

/// <summary>The dashboard at <c>/</c> in headless chromium against the real sample server with the bundled data.</summary>
public sealed class DashboardTests(DashboardServer server)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_SignedInByKeyboard_ShowsTheSeededData()
    {
        await using var session = await OpenAsync(1280, 800);
        var page = session.Page;

        await SignInByKeyboardAsync(page);

        var report = await GetAsync("/api/reports/nps?by=team");
        var overall = report.GetProperty("overall").GetProperty("count").GetInt64();
        var allRow = page.Locator("#segments tbody tr.overall");
        await Assertions.Expect(allRow.Locator("td").First).ToHaveTextAsync(overall.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(6693 - 177, server.Loaded); // the seed file's rows, less its 177 manual sends, which reports leave out
        Assert.Equal(report.GetProperty("segments").GetArrayLength(), await page.Locator("#segments tbody tr:not(.overall)").CountAsync());
        Assert.True(await page.Locator("#follow-ups tbody tr[data-follow-up]").CountAsync() > 0);
        Assert.True(await page.Locator("#themes .card").CountAsync() > 0);
        Assert.True(await page.Locator("#coaching .card").CountAsync() > 0);
        await Assertions.Expect(page.Locator("#huddle .huddle-score")).ToContainTextAsync("n = ");
        Assert.Equal(4, await page.Locator("#ambition tbody tr").CountAsync());
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Dashboard loaded, grouped by team per month.");

        await page.ScreenshotAsync(new() { Path = Screenshot("dashboard-1280x800.png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = Screenshot("dashboard-1280x800-first-screen.png") });
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task TrendChart_ByTeam_DrawsOneSeriesPerTeamWithABand()
    {
        await using var session = await OpenAsync(1280, 800);
        var page = session.Page;
        await SignInByKeyboardAsync(page);

        var report = await GetAsync("/api/reports/nps?by=team&period=month");
        var teams = report.GetProperty("segments").EnumerateArray()
            .Where(c => c.GetProperty("enoughData").GetBoolean())
            .Select(c => c.GetProperty("dimensions").GetProperty("team").GetString()!)
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var series = page.Locator("#trend svg.chart g.series");

        Assert.Equal(5, teams.Count);
        Assert.Equal(teams, (await series.EvaluateAllAsync<string[]>("gs => gs.map(g => g.dataset.series)")).Order(StringComparer.Ordinal));
        for (var i = 0; i < teams.Count; i++)
        {
            var band = series.Nth(i).Locator("polygon.band");
            Assert.Equal(1, await band.CountAsync());
            var corners = (await band.GetAttributeAsync("points"))!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            var dots = await series.Nth(i).Locator("circle.point").CountAsync();
            Assert.Equal(2 * dots, corners); // upper edge forward, lower edge back
            Assert.True(dots >= 2, $"series {i} has {dots} points");
        }

        var significant = report.GetProperty("segments").EnumerateArray()
            .Count(c => c.TryGetProperty("change", out var v) && v.ValueKind == JsonValueKind.Object);
        Assert.Equal(significant, await page.Locator("#trend svg.chart g.significant").CountAsync());
        await page.Locator("#trend").ScreenshotAsync(new() { Path = Screenshot("trend-by-team.png") });
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task TrendChart_ByTeamPerQuarter_RingsEverySignificantChange()
    {
        await using var session = await OpenAsync(1280, 800);
        var page = session.Page;
        await SignInByKeyboardAsync(page);

        await page.Locator("#period").SelectOptionAsync("quarter");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Dashboard loaded, grouped by team per quarter.");

        var report = await GetAsync("/api/reports/nps?by=team&period=quarter");
        var significant = report.GetProperty("segments").EnumerateArray()
            .Where(c => c.TryGetProperty("change", out var v) && v.ValueKind == JsonValueKind.Object)
            .Select(c => c.GetProperty("dimensions").GetProperty("team").GetString()!)
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(significant); // the bundled data has a lasting change (Onboarding, below its usual level from 2025-Q2)
        var rings = page.Locator("#trend svg.chart g.significant");
        Assert.Equal(significant, (await rings.EvaluateAllAsync<string[]>("gs => gs.map(g => g.dataset.series)")).Order(StringComparer.Ordinal));
        await Assertions.Expect(page.Locator("#trend ul.changes li")).ToHaveCountAsync(significant.Count);
        await page.Locator("#trend").ScreenshotAsync(new() { Path = Screenshot("trend-by-team-per-quarter.png") });
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task FollowUpStatus_ChangedFromThePage_PersistsAcrossReload()
    {
        await using var session = await OpenAsync(1280, 800);
        var page = session.Page;
        await SignInByKeyboardAsync(page);
        var first = page.Locator("#follow-ups tbody tr[data-follow-up]").First;
        var id = (await first.GetAttributeAsync("data-follow-up"))!;
        await Assertions.Expect(first.Locator(".badge")).ToHaveTextAsync("overdue");

        await first.Locator("select").SelectOptionAsync("contacted");
        await first.GetByRole(AriaRole.Button, new() { Name = "Update" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync($"Follow-up {id} is now contacted.");

        await page.ReloadAsync(); // the key survives in session storage: no new sign-in
        await Assertions.Expect(page.Locator("#main")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"#follow-ups tr[data-follow-up='{id}']")).ToHaveCountAsync(0); // no longer open
        await page.Locator("#follow-up-filter").SelectOptionAsync("contacted");
        var row = page.Locator($"#follow-ups tr[data-follow-up='{id}']");
        await Assertions.Expect(row.Locator(".status-cell")).ToHaveTextAsync("contacted");
        Assert.Equal("contacted", (await GetAsync($"/api/follow-ups/{id}")).GetProperty("status").GetString()!.ToLowerInvariant());
        await page.Locator("#follow-ups").ScreenshotAsync(new() { Path = Screenshot("follow-ups-after-status-change.png") });
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Dashboard_EveryGroupingAndPeriod_LogsNoConsoleError()
    {
        await using var session = await OpenAsync(1280, 800);
        var page = session.Page;
        await SignInByKeyboardAsync(page);

        foreach (var (dimension, period) in new[] { ("agent", "week"), ("channel", "quarter"), ("product", "month"), ("touchpoint", "month"), ("team", "month") })
        {
            await page.Locator("#dimension").SelectOptionAsync(dimension);
            await page.Locator("#period").SelectOptionAsync(period);
            await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync($"Dashboard loaded, grouped by {dimension} per {period}.");
        }

        Assert.Equal(0, await page.Locator(".message.error").CountAsync());
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Dashboard_FilterChangedWhileLoading_NewerChoiceWins()
    {
        await using var session = await OpenAsync(1280, 800);
        var page = session.Page;
        await SignInByKeyboardAsync(page);

        // The coaching answer for the first choice is held until the second choice is made. A page that asked for the
        // second at once could get it first and then be overwritten by the first, slower answer.
        var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var monthAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var weekAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/api/insights/coaching?*", async route =>
        {
            if (route.Request.Url.Contains("period=month", StringComparison.Ordinal))
            {
                events.Enqueue("month asked");
                monthAsked.TrySetResult();
                await release.Task;
            }
            else
            {
                events.Enqueue("week asked");
                weekAsked.TrySetResult();
            }

            await route.ContinueAsync();
        });

        await page.Locator("#dimension").SelectOptionAsync("agent");
        await monthAsked.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        await page.Locator("#period").SelectOptionAsync("week");
        // Only a grace for a page that asks for the newer choice at once to show it; the page under test never asks.
        await Task.WhenAny(weekAsked.Task, Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));
        events.Enqueue("month answered");
        release.TrySetResult();

        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Dashboard loaded, grouped by agent per week.");
        await Assertions.Expect(page.Locator("[data-view='coaching']")).ToContainTextAsync("Signals per agent per week");
        Assert.Equal(["month asked", "month answered", "week asked"], events.ToArray());
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Dashboard_PhoneWidth_FitsWithoutSidewaysScrolling()
    {
        await using var session = await OpenAsync(390, 844);
        var page = session.Page;
        await SignInByKeyboardAsync(page);

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");

        Assert.True(overflow <= 0, $"the page is {overflow} px wider than the phone");
        await page.ScreenshotAsync(new() { Path = Screenshot("dashboard-390-first-screen.png") });
        await page.ScreenshotAsync(new() { Path = Screenshot("dashboard-390.png"), FullPage = true });
        await page.Locator("#segments").ScreenshotAsync(new() { Path = Screenshot("segments-390.png") });
        await page.Locator("#follow-ups").ScreenshotAsync(new() { Path = Screenshot("follow-ups-390.png") });
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Huddle_OpeningATeam_ShowsItsBrief()
    {
        await using var session = await OpenAsync(1280, 800);
        var page = session.Page;
        await SignInByKeyboardAsync(page);
        var expected = await GetAsync("/api/huddle?team=Sales&week=2026-W01");

        await page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync("Sales");

        var brief = page.Locator("#huddle .huddle-brief");
        await Assertions.Expect(brief.Locator("h3")).ToHaveTextAsync("Sales, 2026-W01");
        var count = expected.GetProperty("score").GetProperty("count").GetInt64();
        await Assertions.Expect(brief.Locator(".huddle-score")).ToContainTextAsync($"n = {count};");
        Assert.Equal(expected.GetProperty("trend").GetArrayLength(), await brief.Locator("table tbody tr").CountAsync());
        foreach (var part in new[] { "Trend", "Themes", "Detractor comments", "Callbacks requested", "Compliments", "Follow-ups", "To discuss" })
        {
            await Assertions.Expect(brief.GetByRole(AriaRole.Region, new() { Name = part })).ToBeVisibleAsync();
        }
        await page.Locator("#huddle").ScreenshotAsync(new() { Path = Screenshot("huddle-sales.png") });
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ResponseRates_NoInvitationSent_NothingShown()
    {
        await using var session = await OpenAsync(1280, 800);
        var page = session.Page;
        await SignInByKeyboardAsync(page);
        var rates = await GetAsync("/api/reports/response-rates?by=team");

        Assert.Equal(0, rates.GetProperty("overall").GetProperty("sent").GetInt64()); // the seed file holds responses, no invitations
        Assert.DoesNotContain("Response rate", await page.Locator("#segments thead").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#huddle .huddle-score")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#huddle .huddle-rate").CountAsync());
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ResponseRates_InvitationsOfOneTeam_ShownBesideItsScores()
    {
        await using var session = await OpenAsync(1280, 800);
        var page = session.Page;
        var report = await GetAsync("/api/reports/nps?by=team&period=month");
        var team = report.GetProperty("segments").EnumerateArray().Select(c => c.GetProperty("dimensions"))
            .Where(d => d.TryGetProperty("team", out _)).Select(d => d.GetProperty("team").GetString()!).Order(StringComparer.Ordinal).First();
        var months = report.GetProperty("segments").EnumerateArray().Select(c => c.GetProperty("dimensions"))
            .Where(d => d.TryGetProperty("team", out var t) && t.GetString() == team && d.TryGetProperty("period", out _))
            .Select(d => d.GetProperty("period").GetString()!).ToList();
        // The rendering of what the response-rate route gives (its counting is tested on every store): 10 of 40 for one team.
        var (lower, upper) = Nps.Delivery.NpsResponseRates.WilsonInterval(10, 40, 0.95);
        var cell = new System.Text.Json.Nodes.JsonObject { ["sent"] = 40, ["answered"] = 10, ["rate"] = 0.25, ["lower"] = lower, ["upper"] = upper };
        System.Text.Json.Nodes.JsonObject Cell(params (string Name, string Value)[] dimensions)
        {
            var copy = (System.Text.Json.Nodes.JsonObject)cell.DeepClone();
            var keys = new System.Text.Json.Nodes.JsonObject();
            foreach (var (name, value) in dimensions) keys[name] = value;
            copy.Insert(0, "dimensions", keys);
            return copy;
        }

        var segments = new System.Text.Json.Nodes.JsonArray(Cell(("team", team)));
        foreach (var month in months) segments.Add(Cell(("team", team), ("period", month)));
        var document = new System.Text.Json.Nodes.JsonObject { ["level"] = 0.95, ["includeManual"] = false, ["overall"] = Cell(), ["segments"] = segments }.ToJsonString();
        await page.RouteAsync(new System.Text.RegularExpressions.Regex("/api/reports/response-rates"), route =>
            route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = document }));
        await page.RouteAsync(new System.Text.RegularExpressions.Regex("/api/huddle\\?"), async route =>
        {
            var response = await route.FetchAsync();
            var brief = System.Text.Json.Nodes.JsonNode.Parse(await response.TextAsync())!.AsObject();
            brief["responseRate"] = Cell(("team", brief["team"]!.GetValue<string>()));
            await route.FulfillAsync(new() { Response = response, Body = brief.ToJsonString() });
        });

        await SignInByKeyboardAsync(page);

        var expected = FormattableString.Invariant($"25.0 % (10 of 40 answered; {lower * 100:0.0} % to {upper * 100:0.0} %)");
        Assert.Contains("Response rate", await page.Locator("#segments thead").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#segments tbody tr.overall td.response-rate")).ToHaveTextAsync(expected);
        var rows = page.Locator("#segments tbody tr:not(.overall)");
        await Assertions.Expect(rows.Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = team, Exact = true }) }).Locator("td.response-rate")).ToHaveTextAsync(expected);
        Assert.Equal(await rows.CountAsync() - 1, await rows.Locator("td.response-rate", new() { HasTextString = "–" }).CountAsync());
        var point = page.Locator($"#trend g.series[data-series=\"{team}\"] circle.point title").First;
        Assert.Contains($"; response rate {expected}", await point.TextContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#huddle .huddle-rate")).ToHaveTextAsync($"Response rate {expected}.");
        await page.Locator("#segments").ScreenshotAsync(new() { Path = Screenshot("segments-response-rates.png") });
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Ambition_View_ShowsOneRowPerAmbition()
    {
        await using var session = await OpenAsync(1280, 800);
        var page = session.Page;
        await SignInByKeyboardAsync(page);
        var expected = await GetAsync("/api/ambitions");

        var rows = page.Locator("#ambition tbody tr");

        Assert.Equal(expected.GetProperty("ambitions").GetArrayLength(), await rows.CountAsync());
        await Assertions.Expect(rows.First.Locator("th")).ToContainTextAsync("product internet");
        await Assertions.Expect(rows.First.Locator("td").Nth(3)).ToContainTextAsync("%");
        await Assertions.Expect(page.GetByLabel("As of")).ToHaveValueAsync("2026-01-04"); // the end of the latest week with answers
        await Assertions.Expect(rows.First.Locator("td").Nth(1)).Not.ToContainTextAsync("no answers");
        await page.Locator("#ambition").ScreenshotAsync(new() { Path = Screenshot("ambition.png") });
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task SignIn_SurveyKey_SaysItIsNotAnAnalystKey()
    {
        await using var session = await OpenAsync(1280, 800);
        var page = session.Page;

        await page.GetByLabel("Analyst API key").FillAsync(DashboardServer.SurveyKey);
        await page.GetByLabel("Analyst API key").PressAsync("Enter");

        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Sign-in failed: This key is not an analyst key.");
        await Assertions.Expect(page.Locator("#main")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByLabel("Analyst API key")).ToBeFocusedAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot("sign-in-refused.png") });
    }

    private async Task<BrowserSession> OpenAsync(int width, int height)
    {
        await server.StartAsync();
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = server.Address.ToString() });
        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page);
        await page.GotoAsync("/");
        return session;
    }

    private static async Task SignInByKeyboardAsync(IPage page)
    {
        await page.Keyboard.PressAsync("Tab"); // the skip link first
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Analyst API key")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(DashboardServer.AnalystKey);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Dashboard loaded"),
            new() { Timeout = 30_000 });
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", DashboardServer.AnalystKey);
        using var response = await server.Api.SendAsync(request, Token);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Token);
    }

    private static string Screenshot(string name) => Path.Combine(DashboardServer.Screenshots, name);
}

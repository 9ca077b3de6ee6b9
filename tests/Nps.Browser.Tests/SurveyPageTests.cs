using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Nps.Browser.Tests;

/// <summary>
/// The response page at <c>/s/{token}</c> in headless chromium, opened from the link of a real invitation e-mail, filled
/// in and sent with the keyboard only (Tab, arrows, Space, typing, Enter), in English at 1280 px and in Dutch at 320 px.
/// </summary>
public sealed class SurveyPageTests(SurveyServer server) : IClassFixture<SurveyServer>
{
    /// <summary>The words the page shows in one language, as a respondent reads them.</summary>
    private sealed record Words(
        string Question, string Comment, string Callback, string Ease, string EaseChoice, string Improve, string Send, string Thanks, string ThanksCallback,
        string Unsubscribe);

    private static readonly Words English = new(
        "How likely is it that you would recommend us to a friend or colleague?", "What is the most important reason for your score?",
        "Please call me back about my experience", "How easy was it to get help? (optional)", "Hard", "What could we do better? (optional)", "Send",
        "Thank you", "You asked to be called back: we will get in touch.", "Receive no more surveys");

    private static readonly Words Dutch = new(
        "Hoe waarschijnlijk is het dat u ons aanbeveelt aan een vriend of collega?", "Wat is de belangrijkste reden voor uw score?",
        "Bel mij terug over mijn ervaring", "Hoe makkelijk was het om geholpen te worden? (niet verplicht)", "Moeilijk",
        "Wat kunnen we beter doen? (niet verplicht)", "Versturen", "Bedankt", "U vroeg om teruggebeld te worden: we nemen contact met u op.",
        "Geen vragenlijsten meer ontvangen");

    [Fact]
    public async Task ResponsePage_Desktop_FilledInByKeyboardIsStoredBoundToTheInvitationWithItsCallback()
    {
        await server.StartAsync();
        var invited = await server.InviteAsync("call-desktop");
        await using var session = await OpenAsync(invited, 1280, 800, locale: "en-GB");
        var page = session.Page;

        await AssertLabelledAsync(page, English, "en");
        await FillInByKeyboardAsync(page, English, score: 9, "Quick and friendly help.", "Nothing, thanks.", submitKey: "Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = English.Thanks, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(English.ThanksCallback)).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot("survey-1280-thanks.png"), FullPage = true });
        await AssertStoredAsync(invited, 9, "Quick and friendly help.", "hard", "Nothing, thanks.");
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ResponsePage_PhoneInDutch_FitsWithoutSidewaysScrollingAndIsFilledInByKeyboard()
    {
        await server.StartAsync();
        var invited = await server.InviteAsync("call-phone");
        await using var session = await OpenAsync(invited, 320, 640, locale: "nl-NL");
        var page = session.Page;

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than 320 px");
        await page.ScreenshotAsync(new() { Path = Screenshot("survey-320-nl.png"), FullPage = true });
        await AssertLabelledAsync(page, Dutch, "nl");
        await FillInByKeyboardAsync(page, Dutch, score: 3, "Ik moest drie keer bellen.", "Sneller terugbellen.", submitKey: " ");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Dutch.Thanks, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(Dutch.ThanksCallback)).ToBeVisibleAsync();
        var after = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(after <= 0, $"the thank-you page is {after} px wider than 320 px");
        await page.ScreenshotAsync(new() { Path = Screenshot("survey-320-nl-thanks.png"), FullPage = true });
        await AssertStoredAsync(invited, 3, "Ik moest drie keer bellen.", "hard", "Sneller terugbellen.");
        session.AssertNoConsoleErrors();
    }

    /// <summary>Every control has its accessible name from its label; the scale is a group named by the question.</summary>
    private static async Task AssertLabelledAsync(IPage page, Words words, string language)
    {
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        var scale = page.GetByRole(AriaRole.Group, new() { Name = words.Question });
        await Assertions.Expect(scale.GetByRole(AriaRole.Radio)).ToHaveCountAsync(11);
        for (var score = 0; score <= 10; score++)
        {
            await Assertions.Expect(scale.GetByRole(AriaRole.Radio, new() { Name = score.ToString(CultureInfo.InvariantCulture), Exact = true }))
                .Not.ToBeCheckedAsync();
        }

        await Assertions.Expect(page.GetByLabel(words.Comment)).ToHaveJSPropertyAsync("tagName", "TEXTAREA");
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = words.Callback })).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = words.Ease }).GetByRole(AriaRole.Radio)).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByLabel(words.Improve)).ToHaveJSPropertyAsync("tagName", "TEXTAREA");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = words.Send })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = words.Unsubscribe })).ToBeVisibleAsync();
    }

    /// <summary>
    /// From the top of the page: Tab into the scale, arrows to the score, Tab and type the comment, Tab and Space for the
    /// callback, Tab into the follow-up choice and an arrow to its second answer, Tab and type the open answer, Tab to the
    /// button and press <paramref name="submitKey"/>. Each step checks where the focus is.
    /// </summary>
    private static async Task FillInByKeyboardAsync(IPage page, Words words, int score, string comment, string improve, string submitKey)
    {
        var keyboard = page.Keyboard;
        var scale = page.GetByRole(AriaRole.Group, new() { Name = words.Question });
        await keyboard.PressAsync("Tab");
        await Assertions.Expect(scale.GetByRole(AriaRole.Radio, new() { Name = "0", Exact = true })).ToBeFocusedAsync();
        await keyboard.PressAsync("Space"); // the first radio of a group with none checked takes focus unchecked
        for (var i = 0; i < score; i++) await keyboard.PressAsync("ArrowRight");
        var chosen = scale.GetByRole(AriaRole.Radio, new() { Name = score.ToString(CultureInfo.InvariantCulture), Exact = true });
        await Assertions.Expect(chosen).ToBeFocusedAsync();
        await Assertions.Expect(chosen).ToBeCheckedAsync();
        // The chosen box is marked as a whole (a 13 px radio dot alone is hard to see on a phone), and so is the focused one.
        var box = chosen.Locator("xpath=.."); // the radio sits in its label, the box
        var other = scale.Locator("label").Filter(new() { HasNot = page.Locator("input:checked") }).First;
        Assert.NotEqual(await other.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"), await box.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.NotEqual("none", await box.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));

        await keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel(words.Comment)).ToBeFocusedAsync();
        await keyboard.TypeAsync(comment);

        await keyboard.PressAsync("Tab");
        var callback = page.GetByRole(AriaRole.Checkbox, new() { Name = words.Callback });
        await Assertions.Expect(callback).ToBeFocusedAsync();
        await keyboard.PressAsync("Space");
        await Assertions.Expect(callback).ToBeCheckedAsync();

        await keyboard.PressAsync("Tab");
        var ease = page.GetByRole(AriaRole.Group, new() { Name = words.Ease });
        await Assertions.Expect(ease.GetByRole(AriaRole.Radio).First).ToBeFocusedAsync();
        await keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(ease.GetByRole(AriaRole.Radio, new() { Name = words.EaseChoice })).ToBeCheckedAsync();

        await keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel(words.Improve)).ToBeFocusedAsync();
        await keyboard.TypeAsync(improve);

        await keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = words.Send })).ToBeFocusedAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot($"survey-{page.ViewportSize!.Width}-filled.png"), FullPage = true });
        await keyboard.PressAsync(submitKey == " " ? "Space" : submitKey);
    }

    /// <summary>The response is the invitation's (customer, dimensions, probability), with the answers, and its callback follow-up exists.</summary>
    private async Task AssertStoredAsync(Invited invited, int score, string comment, string ease, string improve)
    {
        var stored = await server.GetAsync($"/api/responses/inv-{Uri.EscapeDataString(invited.InvitationId)}");
        Assert.Equal(invited.InvitationId, stored.GetProperty("invitationId").GetString());
        Assert.Equal(invited.Customer, stored.GetProperty("respondentId").GetString());
        Assert.Equal(score, stored.GetProperty("rating").GetInt32());
        Assert.Equal(comment, stored.GetProperty("comment").GetString());
        Assert.True(stored.GetProperty("callbackRequested").GetBoolean());
        Assert.Equal("Billing", stored.GetProperty("team").GetString());
        Assert.Equal("a-7", stored.GetProperty("agent").GetString());
        Assert.Equal("phone", stored.GetProperty("channel").GetString());
        Assert.Equal("internet", stored.GetProperty("product").GetString());
        Assert.Equal(0.5, invited.InclusionProbability); // the sample's transactional rate: not the 1 of an unsolicited answer
        Assert.Equal(invited.InclusionProbability, stored.GetProperty("inclusionProbability").GetDouble());
        Assert.False(stored.GetProperty("isManual").GetBoolean());
        var attributes = stored.GetProperty("attributes");
        Assert.Equal(ease, attributes.GetProperty("q:ease").GetString());
        Assert.Equal(improve, attributes.GetProperty("q:improve").GetString());

        var followUpId = stored.GetProperty("followUpId").GetString();
        Assert.False(string.IsNullOrEmpty(followUpId), "no follow-up was created for the callback");
        var followUp = await server.GetAsync($"/api/follow-ups/{Uri.EscapeDataString(followUpId)}");
        Assert.Equal("callback", followUp.GetProperty("reason").GetString());
        Assert.Equal(invited.Customer, followUp.GetProperty("customerId").GetString());
        Assert.Equal("open", followUp.GetProperty("status").GetString()!.ToLowerInvariant());
    }

    private async Task<BrowserSession> OpenAsync(Invited invited, int width, int height, string locale)
    {
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = locale });
        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page);
        var opened = await page.GotoAsync(invited.Page.ToString());
        Assert.Equal(200, opened!.Status);
        return session;
    }

    private static string Screenshot(string name) => Path.Combine(DashboardServer.Screenshots, name);
}

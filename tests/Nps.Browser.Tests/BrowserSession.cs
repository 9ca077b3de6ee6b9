using Microsoft.Playwright;

namespace Nps.Browser.Tests;

/// <summary>A browser context and page that collects console errors and uncaught exceptions.</summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> errors = [];

    // Playwright's 5 s defaults are a time budget, which a busy CI machine can miss: waits end on the page's own
    // signals (a status text, a role), and the bound is only there so that a broken page fails instead of hanging.
    private const float WaitBound = 60_000;

    static BrowserSession() => Assertions.SetDefaultExpectTimeout(WaitBound);

    public BrowserSession(IBrowserContext context, IPage page)
    {
        this.context = context;
        context.SetDefaultTimeout(WaitBound);
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning") lock (errors) errors.Add($"console {message.Type}: {message.Text}");
        };
        page.PageError += (_, error) => { lock (errors) errors.Add("page error: " + error); };
    }

    public IPage Page { get; }

    public void AssertNoConsoleErrors()
    {
        lock (errors) Assert.Empty(errors);
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}

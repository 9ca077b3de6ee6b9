using Microsoft.Playwright;

namespace Nps.Browser.Tests;

/// <summary>A browser context and page that collects console errors and uncaught exceptions.</summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> errors = [];

    public BrowserSession(IBrowserContext context, IPage page)
    {
        this.context = context;
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

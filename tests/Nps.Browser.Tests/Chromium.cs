using Microsoft.Playwright;

namespace Nps.Browser.Tests;

/// <summary>Debian's chromium, headless, driven by Playwright; Playwright never downloads a browser here.</summary>
internal static class Chromium
{
    /// <summary>Where Debian installs it.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Skips the calling test when chromium is missing outside CI (CI installs it, so there a missing browser fails).</summary>
    public static void SkipUnlessInstalled()
    {
        if (File.Exists(ExecutablePath)) return;
        Assert.False(Environment.GetEnvironmentVariable("CI") is "true" or "1",
            $"{ExecutablePath} is missing in CI: .ci/run installs Debian's chromium package.");
        Assert.Skip($"{ExecutablePath} is not installed (apt-get install chromium); browser tests run in CI.");
    }

    /// <summary>Starts Playwright and one headless chromium.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        return (playwright, browser);
    }
}

using Microsoft.Playwright;

namespace Maca.Functions.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (its own browser download cannot run here), started once for the
/// browser collection, and stopped with it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    private IBrowser _browser = null!;

    /// <summary>The only way tests get a browser context, so every response they cause is watched.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseUri, ResponseWatch watch)
    {
        var context = await _browser.NewContextAsync(new() { BaseURL = baseUri.ToString() });
        watch.Watch(context);
        return context;
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Browser tests need Debian's chromium at {ChromiumPath}: apt-get install chromium (.ci/run does).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}

/// <summary>Browser tests run the real app as a process, on their own Azurite and maildev.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Infrastructure.AzuriteFixture>,
    ICollectionFixture<Infrastructure.MaildevFixture>,
    ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using Microsoft.Playwright;

namespace Maca.Functions.Tests.Browser;

/// <summary>
/// The real app as a process with one started cycle of a fresh partnership, the coordinator's API client beside it,
/// and a browser page of its own: where every browser test begins.
/// </summary>
public sealed class BrowserApp : IAsyncDisposable
{
    private readonly BrowserFixture _browser;
    private readonly ResponseWatch _watch;

    private BrowserApp(BrowserFixture browser, ResponseWatch watch, AppProcess app, CycleClient api,
        IBrowserContext context, IPage page, string cycleId)
    {
        (_browser, _watch) = (browser, watch);
        (App, Api, Context, Page, CycleId) = (app, api, context, page, cycleId);
    }

    public AppProcess App { get; }
    public CycleClient Api { get; }
    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public string CycleId { get; }

    public static async Task<BrowserApp> StartAsync(AzuriteFixture azurite, MaildevFixture maildev, BrowserFixture browser,
        string partnership, string auditType)
    {
        var app = await AppProcess.StartAsync(MacaAppFactoryExtensions.ChildProcessSettings(azurite, maildev));
        var api = new CycleClient(app.Http);
        await api.SeedPartnershipAsync(partnership, ["CSC", "POL"], "Neglect");
        var id = await api.StartAsync(new { partnershipId = partnership, theme = "Neglect", auditType, agencyCodes = new[] { "CSC", "POL" }, targetCases = 2 });
        var watch = new ResponseWatch();
        var context = await browser.NewContextAsync(app.BaseUri, watch);
        return new BrowserApp(browser, watch, app, api, context, await context.NewPageAsync(), id);
    }

    /// <summary>Another person's browser (a QA member, a reader) on the same app, watched like the first.</summary>
    public Task<IBrowserContext> NewContextAsync() => _browser.NewContextAsync(App.BaseUri, _watch);

    /// <summary>Lets a test visit a page (a path, with or without its query) meant to answer this status.</summary>
    public void Allow(int status, string pathAndQuery) =>
        _watch.Allow(status, new Uri(App.BaseUri, pathAndQuery).AbsolutePath);

    /// <summary>
    /// Signs the demo test coordinator in through the sign-in form, as a person would, and waits for the list.
    /// </summary>
    public static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel(TestAccess.CoordinatorEmail).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/cycles");
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        App.Dispose();
        _watch.AssertNone();
    }
}

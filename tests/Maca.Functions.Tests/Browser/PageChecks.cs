using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Maca.Functions.Tests.Browser;

/// <summary>
/// What every page a browser test visits must pass: axe-core with no serious or critical violation, and no request
/// so far answered 4xx or 5xx or failed (see <see cref="ResponseWatch"/>); and a screenshot kept.
/// </summary>
public static class PageChecks
{
    public static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task AccessibleAsync(IPage page, string screenshotName)
    {
        System.IO.Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, screenshotName + ".png"), FullPage = true });
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))}").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}:\n" + string.Join("\n", serious));
        var watch = ResponseWatch.For(page.Context);
        Assert.True(watch is not null, "Open browser contexts through BrowserFixture, so their responses are watched.");
        watch.AssertNone();
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Maca.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using static Maca.Functions.Tests.Pages.PageForms;

namespace Maca.Functions.Tests.Pages;

/// <summary>
/// Maca is not a GOV.UK service, so its pages must not use the GDS Transport font: the stylesheets every page
/// links are compiled for the system font, declare no font face, and name no file the app does not serve.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class FrontendStylesTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [GeneratedRegex(@"url\(\s*[""']?(?<url>[^""')]+)[""']?\s*\)")]
    private static partial Regex CssUrl();

    [Fact]
    public async Task EveryStylesheetAPageLinksUsesTheSystemFontAndNamesOnlyFilesThatAreThere()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await PageAsync(await http.GetAsync("/signin"));
        var stylesheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Contains("/assets/govuk-frontend.css", stylesheets);
        Assert.Contains("/assets/moj-frontend.css", stylesheets);

        var named = new List<string>();
        foreach (var href in stylesheets)
        {
            var response = await http.GetAsync(href);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{href} answered {(int)response.StatusCode}");
            var css = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("@font-face", css);
            Assert.DoesNotContain("GDS Transport", css);
            Assert.DoesNotContain("/fonts/", css);
            named.AddRange(CssUrl().Matches(css).Select(m => m.Groups["url"].Value).Where(u => !u.StartsWith("data:")));
        }
        Assert.Contains("system-ui", await http.GetStringAsync("/assets/govuk-frontend.css"));
        Assert.NotEmpty(named); // the components' icons
        foreach (var file in named.Distinct())
        {
            var response = await http.GetAsync(file);
            Assert.True(response.StatusCode == HttpStatusCode.OK,
                $"a stylesheet names {file}, which answers {(int)response.StatusCode}");
        }
    }
}

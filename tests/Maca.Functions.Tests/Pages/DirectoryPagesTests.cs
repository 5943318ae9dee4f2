using System.Net;
using Maca.Functions.Tests.Infrastructure;
using static Maca.Functions.Tests.Pages.PageForms;

namespace Maca.Functions.Tests.Pages;

/// <summary>The directory pages: who sees which partnership, and what only an administrator may change.</summary>
[Collection(AppCollection.Name)]
public sealed class DirectoryPagesTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [Fact]
    public async Task AnAdministratorAddsAnAgencyAndEditsThemesAndACoordinatorOnlyReads()
    {
        const string Reader = "reader@dirpages.example";
        await using var app = new MacaAppFactory(azurite, maildev, new Dictionary<string, string?>
        {
            ["Access:Coordinators:1:Email"] = Reader, ["Access:Coordinators:1:Partnerships:0"] = "dirpages",
        });
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("dirpages", ["CSC", "POL"], "Neglect");
        var admin = app.CreateCoordinatorClient(followRedirects: false); // the test coordinator is also a directory administrator

        var page = await PageAsync(await admin.GetAsync("/directory/dirpages"));
        Assert.Contains("lead@pol.dirpages.example", page.QuerySelector("#agencies")!.TextContent);
        var bad = await PageAsync(await admin.PostAsync("/directory/dirpages?handler=Agency", Form(page, ("Agency.Code", "fire brigade"),
            ("Agency.Name", ""), ("Agency.LeadEmail", "not an email"), ("Agency.QaEmail", "qa@fire.example"), ("Agency.SeniorEmail", "chief@fire.example"))));
        Assert.Equal(["#agency-code", "#agency-name", "#agency-leadEmail"], bad.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")));
        var saved = await PostAndFollowAsync(admin, "/directory/dirpages?handler=Agency", Form(page, ("Agency.Code", "fire"),
            ("Agency.Name", "Fire and rescue"), ("Agency.LeadEmail", "lead@fire.example"), ("Agency.QaEmail", "qa@fire.example"), ("Agency.SeniorEmail", "chief@fire.example")));
        Assert.Contains("Fire and rescue (FIRE)", saved.QuerySelector("#agencies")!.TextContent);
        var themes = await PostAndFollowAsync(admin, "/directory/dirpages?handler=Themes", Form(saved, ("themes", "Neglect\nExploitation")));
        Assert.Contains("Neglect, Exploitation", themes.QuerySelector(".govuk-summary-list")!.TextContent);

        var reader = app.CreateCoordinatorClient(Reader, followRedirects: false);
        var readOnly = await PageAsync(await reader.GetAsync("/directory/dirpages"));
        Assert.Null(readOnly.QuerySelector("form[action*=Agency]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/directory/dirpages?handler=Themes", Form(await PageAsync(await reader.GetAsync("/cycles/new")), ("themes", "Anything")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/directory/someone-else")).StatusCode);
    }
}

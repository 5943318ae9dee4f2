using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using static Maca.Functions.Tests.Cycles.CycleScript;
using static Maca.Functions.Tests.Pages.PageForms;

namespace Maca.Functions.Tests.Pages;

/// <summary>
/// A name on the partnership's list never gets in through an agency lead's link: every form that takes free text
/// refuses it with the GOV.UK error summary, and the cycle's history holds nothing new and nothing of the name.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NamesToKeepOutPagesTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private const string Name = "Tallulah";

    [Fact]
    public async Task ANominationWhoseReasonNamesTheChildIsRefusedAndNothingIsStored()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var (api, id) = await NominatingAsync(app, "ko-nominate");
        var qa = (await api.AgencyAsync(id, "CSC", "Nominate", app.CreateClient)).Http;
        var form = await PageAsync(await qa.GetAsync("/agency/nominate"));
        var before = await HistoryAsync(api, id);

        var refused = await PageAsync(await qa.PostAsync("/agency/nominate", Form(form, ("caseRef", "KO-NOM-1"),
            ("ageBand", "Under 1"), ("gender", "Male"), ("ethnicity", "White"), ("disability", "no"),
            ("agenciesInvolved", "CSC"), ("reason", $"{Name} was seen at nursery with bruising"))));

        AssertRefusedAt(refused, "reason");
        await AssertNothingStoredAsync(api, id, before);
    }

    [Fact]
    public async Task AnAuditToolCommentNamingTheChildIsRefusedWhenTheDraftIsSaved()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var (api, id) = await AwaitingSubmissionsAsync(app, "ko-draft");
        var lead = (await api.AgencyAsync(id, "CSC", "Submit", app.CreateClient)).Http;
        var form = await PageAsync(await lead.GetAsync("/agency/cases/KO-1"));
        var before = await HistoryAsync(api, id);

        var refused = await PageAsync(await lead.PostAsync("/agency/cases/KO-1", CaseForm(form, null,
            ("grade-1", "Good"), ("comment-1", $"Good contact with {Name.ToLowerInvariant()} and her mother"))));

        AssertRefusedAt(refused, "comment-1");
        await AssertNothingStoredAsync(api, id, before);
    }

    [Fact]
    public async Task AChronologyWhoseFileNameNamesTheChildIsRefusedAndNotKept()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var (api, id) = await AwaitingSubmissionsAsync(app, "ko-file");
        var lead = (await api.AgencyAsync(id, "CSC", "Submit", app.CreateClient)).Http;
        var form = await PageAsync(await lead.GetAsync("/agency/cases/KO-1"));
        var before = await HistoryAsync(api, id);

        var refused = await PageAsync(await lead.PostAsync("/agency/cases/KO-1",
            CaseForm(form, (TestFiles.Pdf(), $"chronology for {Name}.pdf"))));

        AssertRefusedAt(refused, "chronology");
        await AssertNothingStoredAsync(api, id, before);
        var content = await api.OkJsonAsync(HttpMethod.Get, $"/api/cycles/{id}/content");
        Assert.DoesNotContain(Name, content.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ANotKnownNoteNamingTheChildIsRefused()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var (api, id) = await AwaitingSubmissionsAsync(app, "ko-notknown");
        var lead = (await api.AgencyAsync(id, "CSC", "Submit", app.CreateClient)).Http;
        var form = await PageAsync(await lead.GetAsync("/agency/cases/KO-1/not-known"));
        var before = await HistoryAsync(api, id);

        var refused = await PageAsync(await lead.PostAsync("/agency/cases/KO-1/not-known",
            Form(form, ("note", $"Searched for {Name} in every system"))));

        AssertRefusedAt(refused, "note");
        await AssertNothingStoredAsync(api, id, before);
    }

    [Fact]
    public async Task AnExtensionReasonNamingTheChildIsRefused()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var (api, id) = await AwaitingSubmissionsAsync(app, "ko-extension");
        var lead = (await api.AgencyAsync(id, "CSC", "Submit", app.CreateClient)).Http;
        var form = await PageAsync(await lead.GetAsync("/agency/extension"));
        var before = await HistoryAsync(api, id);

        var refused = await PageAsync(await lead.PostAsync("/agency/extension", Form(form, ("newDeadline-day", "20"),
            ("newDeadline-month", "11"), ("newDeadline-year", "2029"), ("reason", $"{Name}'s file is held off site"))));

        AssertRefusedAt(refused, "reason");
        await AssertNothingStoredAsync(api, id, before);
    }

    [Fact]
    public async Task AnActionUpdateOrEvidenceFileNamingTheChildIsRefused()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        var id = await LearningSummaryOutputTests.FollowingUpActionsAsync(api, "ko-action");
        await KeepOutAsync(api, "ko-action", Name);
        var owner = (await api.AgencyAsync(id, "CSC", "Actions", app.CreateClient)).Http;
        var before = await HistoryAsync(api, id);

        var form = await PageAsync(await owner.GetAsync("/agency/actions/A1"));
        var note = await PageAsync(await owner.PostAsync("/agency/actions/A1", ActionForm(form,
            $"Briefed the team about {Name}", ("checklist.docx", TestFiles.Docx("Checklist")))));
        AssertRefusedAt(note, "note");

        form = await PageAsync(await owner.GetAsync("/agency/actions/A1"));
        var file = await PageAsync(await owner.PostAsync("/agency/actions/A1", ActionForm(form,
            "Briefed every team", ($"{Name} checklist.docx", TestFiles.Docx("Checklist")))));
        AssertRefusedAt(file, "evidence");
        await AssertNothingStoredAsync(api, id, before);
    }

    [Fact]
    public async Task AnUploadThroughTheApiWhoseFileNameNamesTheChildIsRefused()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var (api, id) = await AwaitingSubmissionsAsync(app, "ko-upload");
        var before = await HistoryAsync(api, id);

        var response = await api.UploadResponseAsync(id, "Chronology", TestFiles.Pdf(), $"{Name} chronology.pdf", "CSC");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("names to keep out", await response.Content.ReadAsStringAsync());
        await AssertNothingStoredAsync(api, id, before);
    }

    [Fact]
    public async Task ACoordinatorsRecommendationNamingTheChildIsRefusedOnThePage()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var (api, id) = await AwaitingSubmissionsAsync(app, "ko-findings");
        await api.SubmitAsync(id, "CSC", "KO-1");
        await api.SubmitAsync(id, "POL", "KO-1");
        var desk = app.CreateCoordinatorClient(followRedirects: false);
        var form = await PageAsync(await desk.GetAsync($"/cycles/{id}/findings"));
        var before = await HistoryAsync(api, id);

        var refused = await PageAsync(await desk.PostAsync($"/cycles/{id}/findings?handler=Recommend",
            Form(form, ("text", $"Make sure {Name} is seen alone"), ("category", "Policy and procedure"))));

        AssertRefusedAt(refused, "text");
        await AssertNothingStoredAsync(api, id, before);
    }

    /// <summary>A partnership whose list holds the name, and a cycle taking nominations.</summary>
    private static async Task<(CycleClient Api, string Id)> NominatingAsync(MacaAppFactory app, string partnership)
    {
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync(partnership, ["CSC", "POL"], "Neglect");
        await KeepOutAsync(api, partnership, Name);
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new
        {
            partnershipId = partnership, theme = "Neglect", auditType = "Desktop", agencyCodes = new[] { "CSC", "POL" },
            targetCases = 1,
        });
        return (api, id);
    }

    private static async Task<(CycleClient Api, string Id)> AwaitingSubmissionsAsync(MacaAppFactory app, string partnership)
    {
        var (api, id) = await NominatingAsync(app, partnership);
        await api.ChooseCasesAsync(id, ("KO-1", ["CSC", "POL"]));
        return (api, id);
    }

    /// <summary>Adds names to the partnership's list the way an administrator does: the whole record put back.</summary>
    internal static async Task KeepOutAsync(CycleClient api, string partnership, params string[] names)
    {
        var record = (JsonObject)await api.OkJsonAsync(HttpMethod.Get, $"/api/partnerships/{partnership}");
        record["namesToKeepOut"] = new JsonArray(names.Select(n => (JsonNode)n).ToArray());
        foreach (var field in new[] { "partnershipId", "id" }) record.Remove(field);
        await api.OkJsonAsync(HttpMethod.Put, $"/api/partnerships/{partnership}", record);
    }

    private static MultipartFormDataContent CaseForm(IHtmlDocument page, (byte[] Bytes, string Name)? file,
        params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(Token(page)), "__RequestVerificationToken" }, { new StringContent("draft"), "action" },
        };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        if (file is { } f) form.Add(new ByteArrayContent(f.Bytes), "chronology", f.Name);
        return form;
    }

    private static MultipartFormDataContent ActionForm(IHtmlDocument page, string note, (string Name, byte[] Bytes) file) => new()
    {
        { new StringContent(Token(page)), "__RequestVerificationToken" }, { new StringContent("progress"), "action" },
        { new StringContent(note), "note" }, { new ByteArrayContent(file.Bytes), "evidence", file.Name },
    };

    private static void AssertRefusedAt(IHtmlDocument page, string field)
    {
        var summary = page.QuerySelector(".govuk-error-summary");
        Assert.NotNull(summary);
        Assert.Contains("names to keep out", summary!.TextContent);
        Assert.Contains(page.QuerySelectorAll(".govuk-error-summary__list a"), a => a.GetAttribute("href") == $"#{field}");
        Assert.NotNull(page.QuerySelector($"#{field}-error"));
    }

    private static async Task<JsonArray> HistoryAsync(CycleClient api, string id) =>
        (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray();

    private static async Task AssertNothingStoredAsync(CycleClient api, string id, JsonArray before)
    {
        var after = await HistoryAsync(api, id);
        Assert.Equal(before.Count, after.Count);
        Assert.DoesNotContain(Name, after.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Get, $"/api/cycles/{id}")).StatusCode);
    }
}

using System.Text.Json.Nodes;
using Maca.Functions.Tests.Infrastructure;
using static Maca.Functions.Tests.Cycles.CycleScript;

namespace Maca.Functions.Tests.Cycles;

/// <summary>The read model over HTTP: what the cycle holds, in the words the pages use, without reading raw history.</summary>
[Collection(AppCollection.Name)]
public sealed class CycleContentApiTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [Fact]
    public async Task TheContentGivesScopeAndSubmissionStatePerCellAndEveryEmail()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("content", ["CSC", "POL", "EDU"], "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new { partnershipId = "content", theme = "Neglect", auditType = "Desktop", agencyCodes = new[] { "CSC", "POL", "EDU" }, targetCases = 1 });
        await api.ChooseCasesAsync(id, ("CON-1", ["CSC", "POL"]));
        await api.SubmitAsync(id, "CSC", "CON-1");
        await api.DrainOutboxAsync(id);

        var content = await api.OkJsonAsync(HttpMethod.Get, $"/api/cycles/{id}/content");
        var cells = content["content"]!["cases"]![0]!["cells"]!.AsArray().ToDictionary(c => c!["agencyCode"]!.GetValue<string>(), c => c!);
        Assert.Equal("Submitted", cells["CSC"]["state"]!.GetValue<string>());
        Assert.Equal("CSC CON-1.docx", cells["CSC"]["chronology"]!["fileName"]!.GetValue<string>());
        Assert.Equal("NotStarted", cells["POL"]["state"]!.GetValue<string>());
        Assert.Equal("NotInScope", cells["EDU"]["state"]!.GetValue<string>());
        Assert.Equal(["CSC", "POL"], content["content"]!["cases"]![0]!["agenciesInScope"]!.AsArray().Select(a => a!.GetValue<string>()));
        var emails = content["emails"]!.AsArray();
        Assert.Contains(emails, e => e!["kind"]!.GetValue<string>() == "SubmissionRequest"
            && e["to"]!.AsArray().Any(t => t!.GetValue<string>() == "lead@pol.content.example") && e["status"]!.GetValue<string>() == "Sent");
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Maca.Functions.Cycles;
using Maca.Functions.Storage;
using Maca.Functions.Storage.Tables;
using Maca.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Maca.Functions.Tests.Cycles.CycleScript;

namespace Maca.Functions.Tests.Cycles;

/// <summary>A cycle never takes on more than one storage transaction can save: the limit is stated, not found by a 500.</summary>
[Collection(AppCollection.Name)]
public sealed class CycleSizeLimitTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [Fact]
    public async Task TwentyAgenciesRunThroughSelectionAndFiftyAreRefusedWithTheLimitNamed()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        var fifty = Enumerable.Range(0, 50).Select(i => $"AG{i:D2}").ToArray();
        var twenty = fifty[..20];
        await api.SeedPartnershipAsync("many", fifty, "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));

        var refused = await api.SendAsync(HttpMethod.Post, "/api/cycles",
            new { partnershipId = "many", theme = "Neglect", auditType = "InDepth", agencyCodes = fifty, targetCases = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("at most 20 agencies", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
        Assert.Empty((await api.OkJsonAsync(HttpMethod.Get, "/api/cycles?partnershipId=many"))["items"]!.AsArray());

        var id = await api.StartAsync(new { partnershipId = "many", theme = "Neglect", auditType = "InDepth", agencyCodes = twenty, targetCases = 3 });
        await api.NominateAsync(id, "AG00", "MANY-1", "Under 1", "Male", "White", false, twenty);
        await api.RaiseAsync(id, "CloseNominations");
        await api.RaiseAsync(id, "SelectCases", new { cases = new[] { new { caseRef = "MANY-1", agenciesInScope = twenty } } });
        Assert.Equal("AwaitingSubmissions", (await api.StatusAsync(id))["customStatus"]!["phase"]!.GetValue<string>());
    }

    [Fact]
    public async Task AStateTooLargeForItsRowSpillsToABlobAndTheCycleCarriesOnUntilItIsPurged()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("big", ["CSC", "POL"], "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new { partnershipId = "big", theme = "Neglect", auditType = "Desktop", agencyCodes = new[] { "CSC", "POL" }, targetCases = 3 });
        var reason = string.Concat(Enumerable.Repeat("Several presentations at the emergency department after self-harm. ", 58)); // ~4,000
        for (var i = 0; i < 55; i++)
            await api.RaiseAsync(id, "NominateCase", new
            {
                agencyCode = i % 2 == 0 ? "CSC" : "POL", caseRef = $"BIG-{i:D2}", ageBand = "11 to 15", gender = "Female", ethnicity = "White",
                disability = false, agenciesInvolved = new[] { "CSC" }, reason,
            });

        var rows = app.Services.GetRequiredService<StorageAccount>().Table(CycleTable.Name);
        var snapshot = (await rows.GetOrNullAsync(id, CycleTable.Snapshot, default))!;
        Assert.NotNull(snapshot.GetString("StateBlob"));
        Assert.True(TableRules.EstimateSize(snapshot) < 64 * 1024); // the row holds a pointer, not the state

        await api.RaiseAsync(id, "CloseNominations");
        var status = await api.StatusAsync(id);
        Assert.Equal("Selecting", status["customStatus"]!["phase"]!.GetValue<string>());
        Assert.Contains("\"big\"", status["input"]!.ToJsonString());

        await api.RaiseAsync(id, "SelectCases", new { cases = new[] { new { caseRef = "BIG-00", agenciesInScope = new[] { "CSC" } } } });
        await api.SendAsync(HttpMethod.Post, $"/api/cycles/{id}/terminate?reason=Test%20over");
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Delete, $"/api/cycles/{id}")).StatusCode);
        var spilled = app.Services.GetRequiredService<StorageAccount>().Container(SnapshotSpill.ContainerName);
        Assert.Empty(await spilled.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{id}/", default)
            .ToListAsync());
    }
}

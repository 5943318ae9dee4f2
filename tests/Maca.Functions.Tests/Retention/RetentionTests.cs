using System.Net;
using System.Text.Json.Nodes;
using Maca.Functions.Cycles;
using Maca.Functions.Tests.Infrastructure;
using Maca.Functions.Tests.Pages;
using Maca.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Maca.Functions.Tests.Pages.PageForms;

namespace Maca.Functions.Tests.Retention;

/// <summary>
/// Files past the partnership's retention period are removed by the sweep; the purge is logged and the learning counts stay.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RetentionTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [Fact]
    public async Task AFinishedCyclesFilesGoAfterTheRetentionPeriodTheLogSaysSoAndTheCountsSurvive()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        var id = await LearningSummaryOutputTests.DraftedAsync(api, "keep");
        var partnership = await api.OkJsonAsync(HttpMethod.Get, "/api/partnerships/keep");
        partnership.AsObject().Remove("id");
        partnership["retentionDays"] = 30;
        await api.OkJsonAsync(HttpMethod.Put, "/api/partnerships/keep", partnership);
        var desk = app.CreateCoordinatorClient(followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/cycles/{id}/summary?handler=Word")).StatusCode);
        var chronology = (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray()
            .First(e => e!["eventType"]!.GetValue<string>() == "DocumentAttached")!["data"]!["document"]!["id"]!.GetValue<string>();
        await api.RaiseAsync(id, "TerminateCycle", new { reason = "Stopped after the summary, for this test" });
        var learningBefore = await LearningTablesAsync(desk);

        await api.RunRetentionAsync(); // finished today: nothing is due for removal yet
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/api/cycles/{id}/documents/{chronology}")).StatusCode);

        await api.AdvanceToAsync((await api.NowAsync()).AddDays(31));
        var swept = await api.RunRetentionAsync();
        Assert.Equal(1, swept["cyclesPurgedUnderRetention"]!.GetValue<int>());

        var gone = await desk.GetAsync($"/api/cycles/{id}/documents/{chronology}");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("retention period", await gone.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Gone, (await desk.GetAsync($"/cycles/{id}/summary?handler=Word")).StatusCode);
        var blobs = app.Services.GetRequiredService<Maca.Functions.Storage.StorageAccount>().Container(CyclePurger.DocumentsContainer)
            .GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{id}/", default);
        Assert.Empty(await blobs.ToListAsync());

        var entry = Assert.Single(await app.Services.GetRequiredService<PartnershipAuditLog>().ForPartnershipAsync("keep", default));
        Assert.Equal(("DocumentsPurged", id, "retention"), (entry.Action, entry.CycleId, entry.Actor));
        // Two chronologies and one summary version.
        Assert.StartsWith("3 stored files of the Neglect audit removed 30 days after it finished", entry.Detail);
        var purged = (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray()
            .Single(e => e!["eventType"]!.GetValue<string>() == "DocumentsPurged")!;
        Assert.Equal("retention", purged["actor"]!.GetValue<string>());

        Assert.Equal(learningBefore, await LearningTablesAsync(desk)); // the themes, counts and actions are all still there
        Assert.Contains("Fathers and wider family", learningBefore);
        Assert.Equal(0, (await api.RunRetentionAsync())["cyclesPurgedUnderRetention"]!.GetValue<int>()); // once a day, once only
    }

    private static async Task<string> LearningTablesAsync(HttpClient desk)
    {
        var page = await PageAsync(await desk.GetAsync("/learning?partnership=keep"));
        return page.QuerySelector("#themes")!.TextContent + page.QuerySelector("#chart-data")!.TextContent;
    }
}

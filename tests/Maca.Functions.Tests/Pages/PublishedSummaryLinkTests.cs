using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Maca.Functions.Tests.Infrastructure;
using static Maca.Functions.Tests.Pages.PageForms;

namespace Maca.Functions.Tests.Pages;

/// <summary>Publishing sends each agency lead and learning and development a read-only link to the published Word version.</summary>
[Collection(AppCollection.Name)]
public sealed class PublishedSummaryLinkTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [Fact]
    public async Task EachReaderGetsALinkNeverAnAttachmentAndReadsTheVersionThatWasPublished()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        var id = await LearningSummaryOutputTests.DraftedAsync(api, "lspub");
        await api.RaiseAsync(id, "SubmitSummaryForReview");
        await api.RaiseAsync(id, "ApproveSummary");
        var desk = app.CreateCoordinatorClient(followRedirects: false);
        var summary = await PageAsync(await desk.GetAsync($"/cycles/{id}/summary"));
        var published = await desk.PostAsync($"/cycles/{id}/summary?handler=Publish", Form(summary));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var history = (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray();
        var stored = history.Single(e => e!["eventType"]!.GetValue<string>() == "LearningSummaryVersionStored")!["data"]!;
        var publishedEvent = history.Single(e => e!["eventType"]!.GetValue<string>() == "LearningSummaryPublished")!;
        Assert.Equal(1, publishedEvent["data"]!["version"]!.GetValue<int>());

        foreach (var (reader, actor) in new[] { ("lead@pol.lspub.example", "agency:POL"), ("learning@lspub.example", "agency:LD-GROUP") })
        {
            var (email, link) = await maildev.EmailWithLinkAsync(id, "LearningSummaryPublished", reader);
            Assert.False(email.TryGetProperty("attachments", out var files)
                && files.ValueKind == JsonValueKind.Array && files.GetArrayLength() > 0);
            var client = app.CreateClient();
            var page = await PageAsync(await client.GetAsync(new Uri(link).PathAndQuery));
            Assert.Equal("Neglect: learning from a multi-agency case audit", page.QuerySelector("h1")!.TextContent.Trim());

            var word = await client.GetAsync("/agency/summary?handler=Word");
            Assert.Equal(HttpStatusCode.OK, word.StatusCode);
            Assert.Equal("neglect-learning-summary-v1.docx", word.Content.Headers.ContentDisposition!.FileName);
            var bytes = await word.Content.ReadAsByteArrayAsync();
            Assert.Equal(stored["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            // Read-only: the link sends no command.
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/cycles/{id}/raiseEvent/AddAction", new
            {
                recommendationId = "R1", agencyCode = "POL", description = "x", dueDate = "2030-01-31", successMeasure = "y",
            })).StatusCode);
            var downloads = (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray()
                .Where(e => e!["eventType"]!.GetValue<string>() == "LearningSummaryDownloaded")
                .Select(e => e!["actor"]!.GetValue<string>());
            Assert.Contains(actor, downloads);
        }

        // Readers see the summary as it was published: an action agreed afterwards shows in the coordinator's current
        // summary, not in the published one.
        var lead = app.CreateClient();
        var (_, cscLink) = await maildev.EmailWithLinkAsync(id, "LearningSummaryPublished", "lead@csc.lspub.example");
        await lead.GetAsync(new Uri(cscLink).PathAndQuery);
        await api.RaiseAsync(id, "AddAction", new
        {
            recommendationId = "R1", agencyCode = "CSC", description = "Add a father's details field", dueDate = "2030-03-29",
            successMeasure = "Live",
        });
        var current = await PageAsync(await desk.GetAsync($"/cycles/{id}/summary/read"));
        Assert.Contains("Add a father's details field", current.Body!.TextContent);
        Assert.DoesNotContain("Add a father's details field", (await PageAsync(await lead.GetAsync("/agency/summary"))).Body!.TextContent);

        // The published summary stays readable after the cycle ends.
        await api.RaiseAsync(id, "TerminateCycle", new { reason = "The board merged this audit into the next one" });
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/agency/summary")).StatusCode);
    }
}

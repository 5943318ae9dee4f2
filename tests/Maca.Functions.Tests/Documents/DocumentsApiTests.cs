using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Maca.Functions.Storage;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Maca.Functions.Tests.Cycles.CycleScript;

namespace Maca.Functions.Tests.Documents;

/// <summary>Case files: checked by their bytes, stored privately under new names, and read only by those allowed.</summary>
[Collection(AppCollection.Name)]
public sealed class DocumentsApiTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private static async Task<(MacaAppFactory App, CycleClient Api, string Id)> SubmittingCycleAsync(AzuriteFixture azurite, MaildevFixture maildev,
        string partnership)
    {
        var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync(partnership, ["CSC", "POL"], "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new { partnershipId = partnership, theme = "Neglect", auditType = "Desktop", agencyCodes = new[] { "CSC", "POL" }, targetCases = 1 });
        await api.ChooseCasesAsync(id, ("DOC-1", ["CSC", "POL"]));
        return (app, api, id);
    }

    [Fact]
    public async Task AnUploadIsStoredUnderANewNameWithItsHashAndTheOriginalNameOnlyAsMetadata()
    {
        var (app, api, id) = await SubmittingCycleAsync(azurite, maildev, "docstore");
        await using var _ = app;
        var police = await api.AgencyAsync(id, "POL", "Submit", app.CreateClient);
        var bytes = TestFiles.Pdf("Police chronology");
        var response = await police.UploadResponseAsync(id, "Chronology", bytes, "../../etc/Police chronology <DOC-1>.pdf");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var documentId = created["documentId"]!.GetValue<string>();
        Assert.Equal("Police chronology _DOC-1.pdf", created["fileName"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), created["sha256"]!.GetValue<string>());

        var container = app.Services.GetRequiredService<StorageAccount>().Container("documents");
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{id}/", default)) names.Add(blob.Name);
        Assert.Equal([$"{id}/{documentId}"], names);
        var properties = (await container.GetBlobClient(names[0]).GetPropertiesAsync()).Value;
        Assert.Equal("application/pdf", properties.ContentType);
        Assert.Equal(created["sha256"]!.GetValue<string>(), properties.Metadata["sha256"]);

        var history = (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray();
        var attached = history.Single(e => e!["eventType"]!.GetValue<string>() == "DocumentAttached")!;
        Assert.Equal("agency:POL", attached["actor"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("png", "chronology.pdf", 400, "must be a PDF or a Word document")]
    [InlineData("zip", "chronology.docx", 400, "must be a PDF or a Word document")]
    [InlineData("empty", "chronology.pdf", 400, "Select the chronology")]
    [InlineData("huge", "chronology.pdf", 413, "smaller than 25 MB")]
    public async Task AFileThatIsNotReallyAPdfOrWordDocumentOrIsTooLargeIsRefused(string content, string name, int status, string message)
    {
        var (app, api, id) = await SubmittingCycleAsync(azurite, maildev, $"docbad{content}");
        await using var _ = app;
        byte[] bytes = content switch
        {
            "png" => TestFiles.Png(),
            "zip" => ZipWithoutWord(),
            "empty" => [],
            _ => TestFiles.OversizedPdf(),
        };
        var response = await api.UploadResponseAsync(id, "Chronology", bytes, name, "POL");
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        var container = app.Services.GetRequiredService<StorageAccount>().Container("documents");
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{id}/", default)) Assert.Fail($"{blob.Name} was stored");
    }

    [Fact]
    public async Task TheCoordinatorAndTheUploadingAgencyMayDownloadAndEachDownloadIsInTheHistory()
    {
        var (app, api, id) = await SubmittingCycleAsync(azurite, maildev, "docread");
        await using var _ = app;
        var police = await api.AgencyAsync(id, "POL", "Submit", app.CreateClient);
        var social = await api.AgencyAsync(id, "CSC", "Submit", app.CreateClient);
        var bytes = TestFiles.Docx("Police record of contact");
        var documentId = await police.UploadAsync(id, null, content: bytes, fileName: "police.docx");

        var asCoordinator = await api.Http.GetAsync($"/api/cycles/{id}/documents/{documentId}");
        Assert.Equal(HttpStatusCode.OK, asCoordinator.StatusCode);
        Assert.Equal(bytes, await asCoordinator.Content.ReadAsByteArrayAsync());
        Assert.Equal("no-store", asCoordinator.Headers.CacheControl!.ToString());
        Assert.Equal("police.docx", asCoordinator.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal(HttpStatusCode.OK, (await police.Http.GetAsync($"/api/cycles/{id}/documents/{documentId}")).StatusCode);

        var otherAgency = await social.Http.GetAsync($"/api/cycles/{id}/documents/{documentId}");
        Assert.Equal(HttpStatusCode.NotFound, otherAgency.StatusCode);
        Assert.DoesNotContain("police", await otherAgency.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var downloads = (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray()
            .Where(e => e!["eventType"]!.GetValue<string>() == "DocumentDownloaded").Select(e => e!["actor"]!.GetValue<string>()).ToList();
        Assert.Equal(2, downloads.Count);
        Assert.StartsWith("coordinator:", downloads[0]);
        Assert.Equal("agency:POL", downloads[1]);
    }

    [Fact]
    public async Task ALinkUploadsOnlyForItsOwnPurposeAndTheSubmissionMustUseItsOwnFile()
    {
        var (app, api, id) = await SubmittingCycleAsync(azurite, maildev, "docscope");
        await using var _ = app;
        var nominator = await api.AgencyAsync(id, "POL", "Nominate", app.CreateClient);
        Assert.Equal(HttpStatusCode.Forbidden, (await nominator.UploadResponseAsync(id, "Chronology", TestFiles.Pdf(), "c.pdf")).StatusCode);

        var social = await api.AgencyAsync(id, "CSC", "Submit", app.CreateClient);
        var socialFile = await social.UploadAsync(id, "POL"); // the body's agency is ignored: the link says CSC
        var police = await api.AgencyAsync(id, "POL", "Submit", app.CreateClient);
        var refused = await police.Http.PostAsJsonAsync($"/api/cycles/{id}/raiseEvent/SubmitAuditTool",
            new { agencyCode = "POL", caseRef = "DOC-1", chronologyRef = socialFile, answers = Answers() });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not one of your uploads", await refused.Content.ReadAsStringAsync());
    }

    private static byte[] ZipWithoutWord()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            using (var writer = new StreamWriter(zip.CreateEntry("notes.txt").Open())) writer.Write("not a Word document");
        return buffer.ToArray();
    }
}

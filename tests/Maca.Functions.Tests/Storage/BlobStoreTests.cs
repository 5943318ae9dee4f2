using System.Net;
using System.Security.Cryptography;
using Maca.Functions.Storage;
using Maca.Functions.Storage.Blobs;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;

namespace Maca.Functions.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class BlobStoreTests(AzuriteFixture azurite)
{
    private static readonly HttpClient Anonymous = new();

    private static async Task UploadTextAsync(IBlobStore container, string name, string text = "chronology") =>
        await container.UploadAsync(name, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "text/plain");

    [Fact]
    public async Task ATenMegabyteDocumentRoundTripsWithItsHashes()
    {
        var container = await azurite.NewContainerAsync();
        var bytes = RandomNumberGenerator.GetBytes(10 * 1024 * 1024);
        var expectedSha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        // A non-seekable source, as an HTTP upload would be.
        var uploaded = await container.UploadAsync("cycle-1/chronology.pdf", new NonSeekableStream(bytes), "application/pdf",
            new Dictionary<string, string> { ["agency"] = "POL" });

        Assert.Equal(bytes.Length, uploaded.Length);
        Assert.Equal(expectedSha, uploaded.Sha256);
        Assert.Equal(Convert.ToBase64String(MD5.HashData(bytes)), uploaded.ContentMd5);
        Assert.Equal("POL", uploaded.Metadata["agency"]);

        await using var download = await container.DownloadAsync("cycle-1/chronology.pdf");
        using var sha = SHA256.Create();
        var actualSha = Convert.ToHexStringLower(await sha.ComputeHashAsync(download.Content));
        Assert.Equal(expectedSha, actualSha);
        Assert.Equal(expectedSha, download.Properties.Sha256);
        Assert.Equal("application/pdf", download.Properties.ContentType);
    }

    [Fact]
    public async Task TheContainerIsPrivateToAnonymousReaders()
    {
        var container = await azurite.NewContainerAsync();
        await UploadTextAsync(container, "secret.txt");
        var plainUri = new Uri($"{azurite.Connection.BlobEndpoint}/{container.ContainerName}/secret.txt");

        var response = await Anonymous.GetAsync(plainUri);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AReadSasWorksUntilItExpiresAndNeverAllowsWrites()
    {
        var container = await azurite.NewContainerAsync();
        await UploadTextAsync(container, "folder/minutes.txt", "minutes");

        var valid = container.CreateReadSasUri("folder/minutes.txt", DateTimeOffset.UtcNow.AddMinutes(5));
        var expired = container.CreateReadSasUri("folder/minutes.txt", DateTimeOffset.UtcNow.AddMinutes(-1));

        Assert.Equal("minutes", await Anonymous.GetStringAsync(valid));
        Assert.Equal(HttpStatusCode.Forbidden, (await Anonymous.GetAsync(expired)).StatusCode);
        var write = new HttpRequestMessage(HttpMethod.Put, valid) { Content = new StringContent("tampered") };
        write.Headers.Add("x-ms-blob-type", "BlockBlob");
        Assert.Equal(HttpStatusCode.Forbidden, (await Anonymous.SendAsync(write)).StatusCode);
    }

    [Fact]
    public async Task ListingByPrefixFollowsContinuationMarkers()
    {
        var container = await azurite.NewContainerAsync();
        for (var i = 0; i < 7; i++) await UploadTextAsync(container, $"cycle-a/doc-{i}.txt");
        await UploadTextAsync(container, "cycle-b/doc.txt");

        var firstPage = await container.ListPageAsync("cycle-a/", maxResults: 3);
        var all = await container.ListAsync("cycle-a/", pageSize: 3).ToListAsync();

        Assert.Equal(3, firstPage.Items.Count);
        Assert.NotNull(firstPage.NextMarker);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"cycle-a/doc-{i}.txt"), all.Select(b => b.Name));
    }

    [Fact]
    public async Task DeletingRemovesTheBlobAndSaysWhetherThereWasOne()
    {
        var container = await azurite.NewContainerAsync();
        await UploadTextAsync(container, "old.txt");

        Assert.True(await container.DeleteAsync("old.txt"));
        Assert.False(await container.DeleteAsync("old.txt"));
        Assert.Null(await container.GetPropertiesAsync("old.txt"));
        await Assert.ThrowsAsync<StorageNotFoundException>(() => container.DownloadAsync("old.txt"));
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

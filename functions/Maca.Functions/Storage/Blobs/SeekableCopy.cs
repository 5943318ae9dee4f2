namespace Maca.Functions.Storage.Blobs;

/// <summary>
/// Hashing before upload needs two passes over the content. A seekable stream is rewound;
/// anything else is spooled to a temporary file that deletes itself, so large uploads stay off the heap.
/// </summary>
internal sealed class SeekableCopy : IAsyncDisposable
{
    private readonly bool _owned;
    private SeekableCopy(Stream stream, bool owned) { Stream = stream; _owned = owned; }
    public Stream Stream { get; }

    public static async Task<SeekableCopy> EnsureAsync(Stream content, CancellationToken ct)
    {
        if (content.CanSeek) { content.Position = 0; return new SeekableCopy(content, owned: false); }
        var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
            81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await content.CopyToAsync(temp, ct);
        temp.Position = 0;
        return new SeekableCopy(temp, owned: true);
    }

    public ValueTask DisposeAsync() => _owned ? Stream.DisposeAsync() : ValueTask.CompletedTask;
}

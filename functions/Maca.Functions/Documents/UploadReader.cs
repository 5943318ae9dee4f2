using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Maca.Functions.Documents;

/// <summary>One uploaded file, read into memory no further than the limit, with its SHA-256.</summary>
public sealed class UploadedFile(string? fileName, MemoryStream? content, bool tooLarge, string sha256) : IDisposable
{
    public string? FileName { get; } = fileName;
    public MemoryStream? Content { get; } = content;
    public bool TooLarge { get; } = tooLarge;
    public string Sha256 { get; } = sha256;
    public bool Missing => Content is null && !TooLarge;
    public void Dispose() => Content?.Dispose();
}

public sealed record UploadForm(IReadOnlyDictionary<string, string> Fields, UploadedFile File);

/// <summary>
/// Reads a multipart form section by section. A file over the limit stops being kept at the limit: the rest is
/// read and thrown away, so the person gets a clear error instead of a dropped connection, and nothing over the
/// limit is ever held. Short text fields come with it (the page's own fields and its anti-forgery token).
/// </summary>
public static class UploadReader
{
    private const int MaxFieldChars = 8_000;
    private const int MaxFields = 40;

    public static bool IsMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrEmpty(HeaderUtilities.RemoveQuotes(type.Boundary).Value);

    /// <summary>Null when the body is not a well-formed multipart form.</summary>
    public static async Task<UploadForm?> ReadAsync(HttpRequest request, string fileField, CancellationToken ct)
    {
        if (!IsMultipart(request)) return null;
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 8, HeadersLengthLimit = 4096 };
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        UploadedFile? file = null;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) return null;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    if (name != fileField || file is not null) { await section.Body.CopyToAsync(Stream.Null, ct); continue; }
                    file = await KeepUpToLimitAsync(section.Body, disposition.FileNameStar.Value ?? disposition.FileName.Value, ct);
                }
                else
                {
                    if (fields.Count >= MaxFields) return null;
                    var value = await ReadFieldAsync(section.Body, ct);
                    if (value is null) return null;
                    fields[name] = value;
                }
            }
        }
        catch (InvalidDataException)
        {
            file?.Dispose();
            return null;
        }
        return new UploadForm(fields, file ?? new UploadedFile(null, null, false, ""));
    }

    private static async Task<UploadedFile> KeepUpToLimitAsync(Stream body, string? fileName, CancellationToken ct)
    {
        var kept = new MemoryStream();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > FileCheck.MaxBytes) continue; // drained, not kept
            kept.Write(buffer, 0, read);
            hash.AppendData(buffer, 0, read);
        }
        if (total > FileCheck.MaxBytes || total == 0)
        {
            kept.Dispose();
            return new UploadedFile(HeaderUtilities.RemoveQuotes(fileName).Value, null, total > 0, "");
        }
        kept.Position = 0;
        return new UploadedFile(HeaderUtilities.RemoveQuotes(fileName).Value, kept, false, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken ct)
    {
        using var reader = new StreamReader(body, new UTF8Encoding(false, throwOnInvalidBytes: true));
        var chars = new char[MaxFieldChars + 1];
        try
        {
            var count = await reader.ReadBlockAsync(chars, ct);
            return count > MaxFieldChars ? null : new string(chars, 0, count);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}

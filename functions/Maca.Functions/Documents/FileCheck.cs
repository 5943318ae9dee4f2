using System.IO.Compression;

namespace Maca.Functions.Documents;

public sealed record AcceptedFile(string ContentType, string Extension);

/// <summary>
/// What a file really is, from its bytes, never from its name or the browser's Content-Type: a PDF starts
/// "%PDF-", and a Word document is a zip holding word/document.xml. Anything else is refused.
/// </summary>
public static class FileCheck
{
    public const long MaxBytes = 25L * 1024 * 1024;
    public const string Limit = "25 MB";

    public static readonly AcceptedFile Pdf = new("application/pdf", ".pdf");
    public static readonly AcceptedFile Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");

    public static AcceptedFile? Recognise(Stream content)
    {
        content.Position = 0;
        Span<byte> head = stackalloc byte[5];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        if (read == 5 && head.SequenceEqual("%PDF-"u8)) return Pdf;
        if (read >= 4 && head[..4].SequenceEqual("PK\u0003\u0004"u8) && IsWordDocument(content)) return Docx;
        return null;
    }

    private static bool IsWordDocument(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry("word/document.xml") is not null && zip.GetEntry("[Content_Types].xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>The name people see: no path, no control or odd characters, the real type's extension.</summary>
    public static string SafeName(string? original, AcceptedFile type)
    {
        var name = (original ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var stem = Path.GetFileNameWithoutExtension(name);
        var kept = new string(stem.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '(' or ')' or '.' ? c : '_').ToArray())
            .Trim(' ', '.', '_');
        if (kept.Length > 100) kept = kept[..100];
        return (kept.Length == 0 ? "document" : kept) + type.Extension;
    }
}

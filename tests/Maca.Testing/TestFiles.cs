using System.IO.Compression;
using System.Text;

namespace Maca.Testing;

/// <summary>Small real files for upload tests: a PDF, a Word document, and a PNG that pretends to be a PDF.</summary>
public static class TestFiles
{
    public static byte[] Pdf(string text = "Invented chronology for tests") =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Docx(string text = "Invented chronology for tests")
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""");
            Write(zip, "word/document.xml", $"""<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>""");
        }
        return buffer.ToArray();
    }

    /// <summary>The first bytes of a PNG image, whatever the file is called.</summary>
    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1];

    /// <summary>A PDF just over the 25 MB limit.</summary>
    public static byte[] OversizedPdf()
    {
        var bytes = new byte[25 * 1024 * 1024 + 1024];
        Pdf().CopyTo(bytes, 0);
        return bytes;
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(content);
    }
}

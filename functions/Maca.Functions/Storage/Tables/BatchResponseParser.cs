namespace Maca.Functions.Storage.Tables;

/// <summary>Reads the embedded HTTP responses out of a multipart $batch answer.</summary>
internal static class BatchResponseParser
{
    internal sealed record Part(int Status, Dictionary<string, string> Headers, string Body, int? ContentId);

    public static IReadOnlyList<Part> Parse(string body)
    {
        var parts = new List<Part>();
        var lines = body.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("HTTP/1.1 ", StringComparison.Ordinal)) continue;
            var status = int.Parse(lines[i].AsSpan(9, 3));
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            int? contentId = FindContentId(lines, i);
            for (i++; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':');
                if (colon > 0) headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
            }
            var bodyLines = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("--", StringComparison.Ordinal); i++) bodyLines.Add(lines[i]);
            i--;
            if (headers.TryGetValue("Content-ID", out var id) && int.TryParse(id, out var parsed)) contentId = parsed;
            parts.Add(new Part(status, headers, string.Join('\n', bodyLines).Trim(), contentId));
        }
        return parts;
    }

    // Content-ID may sit in the part's MIME headers, just above the status line.
    private static int? FindContentId(string[] lines, int statusLine)
    {
        for (var j = statusLine - 1; j >= 0 && !lines[j].StartsWith("--", StringComparison.Ordinal); j--)
            if (lines[j].StartsWith("Content-ID:", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(lines[j][11..].Trim(), out var id)) return id;
        return null;
    }
}

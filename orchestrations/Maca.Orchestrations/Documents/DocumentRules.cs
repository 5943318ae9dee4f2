using Maca.Orchestrations.Cycles;

namespace Maca.Orchestrations.Documents;

/// <summary>
/// Case files. The app stores a file before it asks; attaching records whose it is. Chronologies belong to the
/// submission window and evidence to the follow-up of actions (the decider's table says which phase takes which).
/// </summary>
public static class DocumentRules
{
    private const int MaxFileNameLength = 200;
    public const string Removed = "The cycle's files were removed at the end of the partnership's retention period.";

    public static bool Known(AttachDocument c, CycleState s) => s.Documents.ContainsKey(c.DocumentId ?? "");

    /// <summary>A file attached again: the same agency and bytes change nothing, in any phase; anything else is refused.</summary>
    public static Decision Again(AttachDocument c, CycleState s) =>
        s.Documents[c.DocumentId].AgencyCode == c.AgencyCode && s.Documents[c.DocumentId].Sha256 == c.Sha256
            ? Decision.NoOp : Rejection.Rule("That document is already attached.");

    public static Decision Attach(AttachDocument c, CycleState s)
    {
        if (!s.Agencies.ContainsKey(c.AgencyCode)) return Rejection.Missing($"Agency {c.AgencyCode}");
        if (string.IsNullOrWhiteSpace(c.DocumentId)) return Rejection.Invalid("documentId", "The document id is missing.");
        if (c.Sha256 is not { Length: 64 } || !c.Sha256.All(Uri.IsHexDigit)) return Rejection.Invalid("sha256", "Give the file's SHA-256 as 64 hex digits.");
        if (c.Bytes <= 0) return Rejection.Invalid("bytes", "The file is empty.");
        var name = string.IsNullOrWhiteSpace(c.FileName) ? "document" : c.FileName.Trim();
        if (name.Length > MaxFileNameLength) return Rejection.Invalid("fileName", $"Keep the file name under {MaxFileNameLength} characters.");
        return Decision.Accept(new DocumentAttached(new CaseDocument(c.DocumentId, c.AgencyCode, c.Kind, name, c.Sha256.ToLowerInvariant(), c.Bytes)));
    }

    /// <summary>Downloads are recorded in every phase, even after the cycle ends: who read a case file is history.</summary>
    public static Decision RecordDownload(RecordDocumentDownload c, CycleState s) =>
        s.DocumentsPurgedAt is not null ? Rejection.Rule(Removed)
        : s.Documents.TryGetValue(c.DocumentId ?? "", out var document)
            ? Decision.Accept(new DocumentDownloaded(document.Id, document.AgencyCode, document.FileName))
            : Rejection.Missing("That document");

    /// <summary>Removed once, after the cycle finished: chronologies, evidence and every stored summary version.</summary>
    public static Decision Purged(RecordDocumentsPurged c, CycleState s) => s.DocumentsPurgedAt is not null ? Decision.NoOp
        : Decision.Accept(new DocumentsPurged(s.Documents.Count + s.SummaryVersions.Count,
            s.Documents.Values.Sum(d => d.Bytes) + s.SummaryVersions.Sum(v => v.Bytes), c.RetentionDays));

    /// <summary>A submission or progress update may only point at a file the same agency attached, of the right kind.</summary>
    public static Rejection? Problem(CycleState s, string? documentId, string agency, DocumentKind kind, string field)
    {
        if (documentId is null) return null;
        return s.Documents.TryGetValue(documentId, out var document) && document.AgencyCode == agency && document.Kind == kind
            ? null
            : Rejection.Invalid(field, kind == DocumentKind.Chronology
                ? "Upload the chronology first: that file is not one of your uploads."
                : "Upload the evidence first: that file is not one of your uploads.");
    }
}

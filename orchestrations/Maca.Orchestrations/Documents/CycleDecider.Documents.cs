namespace Maca.Orchestrations.Cycles;

public sealed partial class CycleDecider
{
    private const int MaxFileNameLength = 200;

    /// <summary>
    /// The app stores the file before it asks; this records whose it is. Chronologies belong to the submission
    /// window, evidence to the action plan's follow-up.
    /// </summary>
    private static Decision Attach(AttachDocument c, CycleState s)
    {
        if (s.Documents.TryGetValue(c.DocumentId ?? "", out var existing))
            return existing.AgencyCode == c.AgencyCode && existing.Sha256 == c.Sha256
                ? Decision.NoOp : Rejection.Rule("That document is already attached.");
        var window = c.Kind == DocumentKind.Chronology ? CyclePhase.AwaitingSubmissions : CyclePhase.FollowingUpActions;
        if (s.Phase != window) return Rejection.Phase(s.Phase, c.Kind == DocumentKind.Chronology ? "upload a chronology" : "upload evidence");
        if (!s.Agencies.ContainsKey(c.AgencyCode)) return Rejection.Missing($"Agency {c.AgencyCode}");
        if (string.IsNullOrWhiteSpace(c.DocumentId)) return Rejection.Invalid("documentId", "The document id is missing.");
        if (c.Sha256 is not { Length: 64 } || !c.Sha256.All(Uri.IsHexDigit)) return Rejection.Invalid("sha256", "Give the file's SHA-256 as 64 hex digits.");
        if (c.Bytes <= 0) return Rejection.Invalid("bytes", "The file is empty.");
        var name = string.IsNullOrWhiteSpace(c.FileName) ? "document" : c.FileName.Trim();
        if (name.Length > MaxFileNameLength) return Rejection.Invalid("fileName", $"Keep the file name under {MaxFileNameLength} characters.");
        return Decision.Accept(new DocumentAttached(new CaseDocument(c.DocumentId, c.AgencyCode, c.Kind, name, c.Sha256.ToLowerInvariant(), c.Bytes)));
    }

    /// <summary>Downloads are recorded in every phase, even after the cycle ends: who read a case file is history.</summary>
    private static Decision RecordDownload(RecordDocumentDownload c, CycleState s) =>
        s.Documents.TryGetValue(c.DocumentId ?? "", out var document)
            ? Decision.Accept(new DocumentDownloaded(document.Id, document.AgencyCode, document.FileName))
            : Rejection.Missing("That document");

    /// <summary>A submission or progress update may only point at a file the same agency attached, of the right kind.</summary>
    private static Rejection? DocumentProblem(CycleState s, string? documentId, string agency, DocumentKind kind, string field)
    {
        if (documentId is null) return null;
        return s.Documents.TryGetValue(documentId, out var document) && document.AgencyCode == agency && document.Kind == kind
            ? null
            : Rejection.Invalid(field, kind == DocumentKind.Chronology
                ? "Upload the chronology first: that file is not one of your uploads."
                : "Upload the evidence first: that file is not one of your uploads.");
    }
}

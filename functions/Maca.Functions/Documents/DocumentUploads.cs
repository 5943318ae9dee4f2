using Maca.Functions.Workflow;
using Maca.Functions.Cycles;
using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Documents;

/// <summary>
/// The one way a file gets into a cycle: check what it really is, store it under a new name, then attach it
/// through the engine so the history says who sent which file (by SHA-256). A refused attach removes the blob.
/// </summary>
public sealed class DocumentUploads(DocumentStore documents, CycleGateway engine)
{
    /// <param name="Pending">Stored, and waiting for the cycle's orchestrator to attach it.</param>
    public sealed record Outcome(CaseDocument? Document, string? Problem, bool WrongPhase = false, bool Pending = false);

    public async Task<Outcome> UploadAsync(string cycleId, string agencyCode, DocumentKind kind, UploadedFile file, string actor,
        CancellationToken ct)
    {
        if (file.TooLarge) return new(null, $"The selected file must be smaller than {FileCheck.Limit}");
        if (file.Content is null) return new(null, kind == DocumentKind.Chronology ? "Select the chronology" : "Select the evidence file");
        if (FileCheck.Recognise(file.Content) is not { } type) return new(null, "The selected file must be a PDF or a Word document (DOCX)");

        var id = DocumentStore.NewId();
        var name = FileCheck.SafeName(file.FileName, type);
        await documents.SaveAsync(cycleId, id, file.Content, type, name, file.Sha256, ct);
        var attach = new AttachDocument(agencyCode, id, kind, name, file.Sha256, file.Content.Length);
        var result = await engine.ExecuteAsync(cycleId, attach, actor: actor, ct: ct);
        // Still being processed: the file is kept and attached when the cycle's orchestrator gets to it.
        if (result.Pending)
            return new(new CaseDocument(id, agencyCode, kind, name, file.Sha256, file.Content.Length), null, Pending: true);
        if (result.Rejection is null) return new(result.State.Documents[id], null);
        await documents.DeleteAsync(cycleId, id, CancellationToken.None);
        return new(null, result.Rejection.Message, result.Rejection.Kind == RejectionKind.WrongPhase);
    }
}

using Maca.Functions.Workflow;
using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Documents;

/// <summary>
/// Uploading and downloading case files. An agency's link uploads for its own agency only: chronologies with a
/// submission link, evidence with an action link. Only the cycle's coordinators and the agency that uploaded a
/// file may download it, and each download is written into the cycle's history before a byte is sent.
/// </summary>
public static class DocumentsApi
{
    /// <param name="Outcome">"attached", or "pending" while the cycle's orchestrator has yet to attach it.</param>
    public sealed record Uploaded(string DocumentId, string FileName, string Sha256, long Bytes, string Kind,
        string Outcome);

    public static void MapDocuments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cycles/{id}/documents").WithTags("Documents")
            .RequireAuthorization(AccessSetup.ParticipantPolicy).AddEndpointFilter<CycleAccessFilter>()
            .WithMetadata(new AgencyLinkAllowed());
        group.MapPost("/", UploadAsync).DisableAntiforgery()
            .WithSummary("Upload a chronology or evidence (multipart: file, kind, and agencyCode for coordinators); "
                + "PDF or DOCX up to 25 MB");
        group.MapGet("/{documentId}", DownloadAsync).WithSummary("Download a case file; recorded in the cycle's history");
    }

    private static async Task<IResult> UploadAsync(string id, HttpContext http, DocumentUploads uploads, CancellationToken ct)
    {
        var form = await UploadReader.ReadAsync(http.Request, "file", ct);
        if (form is null) return Invalid("body", "Send a multipart form with the file in a field called 'file'.");
        using var file = form.File;
        if (!Enum.TryParse<DocumentKind>(form.Fields.GetValueOrDefault("kind"), ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
            return Invalid("kind", "Say what the file is: Chronology or Evidence.");
        var link = http.User.Link();
        var agency = link?.AgencyCode ?? form.Fields.GetValueOrDefault("agencyCode")?.Trim();
        if (string.IsNullOrEmpty(agency)) return Invalid("agencyCode", "Say which agency the file is from.");
        if (link is not null && link.Purpose != (kind == DocumentKind.Chronology ? LinkPurpose.Submit : LinkPurpose.Actions))
            return TypedResults.Problem("This link cannot upload that kind of file.", statusCode: 403, title: "Not allowed with this link");
        if (file.TooLarge)
            return TypedResults.Problem($"The file must be smaller than {FileCheck.Limit}.", statusCode: 413, title: "Too large");
        var outcome = await uploads.UploadAsync(id, agency, kind, file, http.User.Actor(), ct);
        if (outcome.Document is not { } d)
            return outcome.WrongPhase
                ? TypedResults.Problem(outcome.Problem, statusCode: 409, title: "Not allowed in this phase")
                : Invalid("file", outcome.Problem!);
        return TypedResults.Created($"/api/cycles/{id}/documents/{d.Id}",
            new Uploaded(d.Id, d.FileName, d.Sha256, d.Bytes, d.Kind.ToString(),
                outcome.Pending ? "pending" : "attached"));
    }

    private static async Task<IResult> DownloadAsync(string id, string documentId, HttpContext http, CycleStore store, CycleGateway engine,
        DocumentStore documents, CancellationToken ct)
    {
        var cycle = (await store.LoadAsync(id, ct)).State;
        // Another agency's file is answered exactly like a file that does not exist.
        if (!cycle.Documents.TryGetValue(documentId, out var document)
            || (http.User.Link() is { } link && link.AgencyCode != document.AgencyCode))
            return TypedResults.Problem("There is no such document.", statusCode: 404, title: "Not found");
        if (cycle.DocumentsPurgedAt is not null)
            return TypedResults.Problem(Orchestrations.Documents.DocumentRules.Removed, statusCode: 410, title: "Removed under retention");
        var recorded = await engine.ExecuteAsync(id, new RecordDocumentDownload(documentId), actor: http.User.Actor(), ct: ct);
        if (recorded.Rejection is not null || await documents.OpenAsync(id, documentId, ct) is not { } content)
            return TypedResults.Problem("There is no such document.", statusCode: 404, title: "Not found");
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var type = document.FileName.EndsWith(".pdf", StringComparison.Ordinal) ? FileCheck.Pdf : FileCheck.Docx;
        return TypedResults.File(content, type.ContentType, document.FileName);
    }

    private static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message);
}

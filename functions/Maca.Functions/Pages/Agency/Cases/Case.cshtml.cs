using Maca.Functions.Workflow;
using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Functions.Documents;
using Maca.Functions.Input;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Maca.Functions.Pages.Agency.Cases;

/// <summary>
/// One case for one agency: upload the chronology and answer the audit tool, then save a draft or go on to check
/// the answers. The form is multipart, read through <see cref="MultipartPageForm"/>.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class CaseModel(CycleStore store, CycleGateway engine, DocumentUploads uploads, IAntiforgery antiforgery,
    NamesToKeepOut namesToKeepOut) : AgencyCasePage(store)
{
    public AuditToolForm Form { get; private set; } = new();
    public string? ChronologyRef { get; private set; }
    public CaseDocument? Uploaded => ChronologyRef is { } id ? Cycle.Documents.GetValueOrDefault(id) : null;

    public async Task<IActionResult> OnGetAsync(string caseRef, CancellationToken ct)
    {
        if (await LoadAsync(caseRef, ct) is { } refusal) return refusal;
        Form = AuditToolForm.From(Record.Answers);
        ChronologyRef = Record.ChronologyRef;
        return Page();
    }

    /// <summary>No handler parameters: binding them would make MVC read the whole form before we can.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var (caseRef, ct) = (RouteData.Values["caseRef"] as string ?? "", HttpContext.RequestAborted);
        if (await LoadAsync(caseRef, ct) is { } refusal) return refusal;
        var posted = await MultipartPageForm.ReadAsync(HttpContext, antiforgery, "chronology");
        if (posted is null) return BadRequest();
        using var file = posted.File;
        if (!Open) return RedirectToPage("/Agency/Index");

        Form = AuditToolForm.From(posted.Fields);
        ChronologyRef = posted.Fields.GetValueOrDefault("chronologyRef") is { } kept && Cycle.Documents.TryGetValue(kept, out var doc)
            && doc.AgencyCode == Scope.AgencyCode && doc.Kind == DocumentKind.Chronology ? kept : Record.ChronologyRef;
        if (!file.Missing)
        {
            var outcome = await uploads.UploadAsync(Cycle.CycleId, Scope.AgencyCode, DocumentKind.Chronology, file, User.Actor(), ct);
            if (outcome.Document is { } uploaded)
            {
                ChronologyRef = uploaded.Id;
                Cycle = (await Store.LoadAsync(Cycle.CycleId, ct)).State;
            }
            else Errors.Add("chronology", outcome.Problem!);
        }

        var checking = posted.Fields.GetValueOrDefault("action") == "check";
        if (checking)
        {
            if (ChronologyRef is null) Errors.Add("chronology", "Select the chronology");
            foreach (var (field, message) in Form.Missing(Cycle.Questions)) Errors.Add(field, message);
        }
        var command = new SaveSubmissionDraft(Scope.AgencyCode, CaseRef, Form.Answers(Cycle.Questions), ChronologyRef);
        var names = await namesToKeepOut.ForPartnershipAsync(Cycle.PartnershipId, ct);
        foreach (var answer in command.Answers)
            if (InputScreen.TextProblem(answer.Comment, names) is { } problem) Errors.Add($"comment-{answer.Question}", problem);
        if (Errors.Any) return Invalid();

        var result = await engine.ExecuteAsync(Cycle.CycleId, command, actor: User.Actor(), ct: ct);
        if (result.Rejection is { } rejection) return Refused(rejection, "chronology");
        return checking
            ? RedirectToPage("/Agency/Cases/Check", new { caseRef = CaseRef })
            : RedirectToPage("/Agency/Index", new { saved = CaseRef });
    }
}

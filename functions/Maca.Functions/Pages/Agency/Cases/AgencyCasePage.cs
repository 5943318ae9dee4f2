using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Functions.Pages.Shared;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Agency.Cases;

/// <summary>
/// What every page about one of an agency's cases shares: a submission link, a case in that agency's scope, and
/// the record of where its response stands. Any other case answers 404, as if it did not exist.
/// </summary>
public abstract class AgencyCasePage(CycleStore store) : PageModel
{
    protected CycleStore Store { get; } = store;
    public LinkScope Scope { get; private set; } = null!;
    public CycleState Cycle { get; protected set; } = CycleState.Initial;
    public string CaseRef { get; private set; } = "";
    public string AgencyName { get; private set; } = "";
    public SubmissionRecord Record { get; private set; } = new(SubmissionStatus.Outstanding);
    public FormErrors Errors { get; } = new();

    public bool Answered => Record.Status is SubmissionStatus.Submitted or SubmissionStatus.NotKnown or SubmissionStatus.Missing;
    public bool Open => Cycle.Phase == CyclePhase.AwaitingSubmissions && !Answered;
    public CaseDocument? Chronology => Record.ChronologyRef is { } id ? Cycle.Documents.GetValueOrDefault(id) : null;
    public string DownloadUrl(CaseDocument document) => $"/api/cycles/{Cycle.CycleId}/documents/{document.Id}";

    protected async Task<IActionResult?> LoadAsync(string caseRef, CancellationToken ct)
    {
        Scope = User.Link()!;
        if (Scope.Purpose != LinkPurpose.Submit) return Forbid();
        Cycle = (await Store.LoadAsync(Scope.CycleId, ct)).State;
        if (!Cycle.Submissions.TryGetValue(CycleState.SubmissionKey(Scope.AgencyCode, caseRef), out var record)) return NotFound();
        CaseRef = caseRef;
        Record = record;
        AgencyName = Cycle.Agencies.TryGetValue(Scope.AgencyCode, out var agency) ? agency.Name : Scope.AgencyCode;
        return null;
    }

    protected IActionResult Invalid()
    {
        ViewData["HasErrors"] = true;
        return Page();
    }

    /// <summary>An engine refusal shown on the field it names, or on the page's main field.</summary>
    protected IActionResult Refused(Rejection rejection, string fallbackField)
    {
        var field = rejection.Field is { } f && f.StartsWith("answers.", StringComparison.Ordinal) ? "comment-" + f["answers.".Length..] : rejection.Field;
        Errors.Add(field is null or "chronologyRef" ? fallbackField : field, rejection.Message);
        return Invalid();
    }
}

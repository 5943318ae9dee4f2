using Maca.Functions.Cycles;
using Maca.Functions.Pages.Shared;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Cycles;

/// <summary>One agency's response for one case, as the coordinator reads it: the chronology to download and every answer.</summary>
public sealed class SubmissionModel(CycleStore store) : PageModel
{
    public CycleState Cycle { get; private set; } = CycleState.Initial;
    public AgencyContact Agency { get; private set; } = null!;
    public string CaseRef { get; private set; } = "";
    public SubmissionRecord Record { get; private set; } = null!;
    public CaseDocument? Chronology => Record.ChronologyRef is { } id ? Cycle.Documents.GetValueOrDefault(id) : null;

    public async Task<IActionResult> OnGetAsync(string id, string agency, string caseRef, CancellationToken ct)
    {
        if (await store.ForCoordinatorAsync(id, User, ct) is not { } cycle) return NotFound();
        if (!cycle.Agencies.TryGetValue(agency, out var contact)
            || !cycle.Submissions.TryGetValue(CycleState.SubmissionKey(agency, caseRef), out var record)) return NotFound();
        (Cycle, Agency, CaseRef, Record) = (cycle, contact, caseRef, record);
        return Page();
    }
}

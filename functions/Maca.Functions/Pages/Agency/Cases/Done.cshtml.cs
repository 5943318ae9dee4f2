using Maca.Functions.Cycles;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;

namespace Maca.Functions.Pages.Agency.Cases;

/// <summary>The confirmation panel, shown only once the response is really recorded.</summary>
public sealed class DoneModel(CycleStore store) : AgencyCasePage(store)
{
    public int StillOwed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string caseRef, CancellationToken ct)
    {
        if (await LoadAsync(caseRef, ct) is { } refusal) return refusal;
        if (Record.Status is not (SubmissionStatus.Submitted or SubmissionStatus.NotKnown)) return RedirectToPage("/Agency/Cases/Case", new { caseRef });
        StillOwed = Cycle.OutstandingCases(Scope.AgencyCode).Count;
        return Page();
    }
}

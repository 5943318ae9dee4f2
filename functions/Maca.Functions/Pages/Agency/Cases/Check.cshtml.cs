using Maca.Functions.Workflow;
using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;

namespace Maca.Functions.Pages.Agency.Cases;

/// <summary>Check your answers: the saved draft, each part with a way back to change it, then the submission itself.</summary>
public sealed class CheckModel(CycleStore store, CycleGateway engine) : AgencyCasePage(store)
{
    public async Task<IActionResult> OnGetAsync(string caseRef, CancellationToken ct) =>
        await LoadAsync(caseRef, ct) ?? (Open ? Page() : RedirectToPage("/Agency/Cases/Case", new { caseRef }));

    public async Task<IActionResult> OnPostAsync(string caseRef, CancellationToken ct)
    {
        if (await LoadAsync(caseRef, ct) is { } refusal) return refusal;
        if (!Open) return RedirectToPage("/Agency/Cases/Case", new { caseRef });
        var command = new SubmitAuditTool(Scope.AgencyCode, CaseRef, Record.ChronologyRef ?? "", Record.Answers ?? []);
        var result = await engine.ExecuteAsync(Cycle.CycleId, command, actor: User.Actor(), ct: ct);
        if (result.Rejection is { } rejection) return Refused(rejection, "submit");
        return RedirectToPage("/Agency/Cases/Done", new { caseRef });
    }
}

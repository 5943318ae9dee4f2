using Maca.Functions.Workflow;
using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Functions.Input;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;

namespace Maca.Functions.Pages.Agency.Cases;

/// <summary>Declaring that the child is not known to this agency: a short note of what was searched, then confirmed.</summary>
public sealed class NotKnownModel(CycleStore store, CycleGateway engine, NamesToKeepOut namesToKeepOut)
    : AgencyCasePage(store)
{
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(string caseRef, CancellationToken ct) =>
        await LoadAsync(caseRef, ct) ?? (Open ? Page() : RedirectToPage("/Agency/Cases/Case", new { caseRef }));

    public async Task<IActionResult> OnPostAsync(string caseRef, CancellationToken ct)
    {
        if (await LoadAsync(caseRef, ct) is { } refusal) return refusal;
        if (!Open) return RedirectToPage("/Agency/Cases/Case", new { caseRef });
        Errors.NamesToKeepOut = await namesToKeepOut.ForPartnershipAsync(Cycle.PartnershipId, ct);
        Errors.Text("note", Note, "Say which records you searched");
        if (Errors.Any) return Invalid();
        var result = await engine.ExecuteAsync(Cycle.CycleId, new DeclareNotKnown(Scope.AgencyCode, CaseRef, Note!.Trim()), actor: User.Actor(), ct: ct);
        if (result.Rejection is { } rejection) return Refused(rejection, "note");
        return RedirectToPage("/Agency/Cases/Done", new { caseRef });
    }
}

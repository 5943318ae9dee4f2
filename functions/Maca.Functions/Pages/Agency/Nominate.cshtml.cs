using Maca.Functions.Workflow;
using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Functions.Input;
using Maca.Functions.Pages.Shared;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Agency;

/// <summary>
/// A QA member nominates a case from their link. The form sends the same NominateCase command the API does, through
/// the same screen and engine: the agency comes from the link, the actor from the session.
/// </summary>
public sealed class NominateModel(CycleStore store, CycleGateway engine, NamesToKeepOut namesToKeepOut) : PageModel
{
    public CycleState Cycle { get; private set; } = CycleState.Initial;
    public FormErrors Errors { get; } = new();

    [BindProperty] public string? CaseRef { get; set; }
    [BindProperty] public string? AgeBand { get; set; }
    [BindProperty] public string? Gender { get; set; }
    [BindProperty] public string? Ethnicity { get; set; }
    [BindProperty] public string? Disability { get; set; }
    [BindProperty] public List<string> AgenciesInvolved { get; set; } = [];
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) is { } refusal ? refusal : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal) return refusal;
        var scope = User.Link()!;
        if (string.IsNullOrWhiteSpace(CaseRef)) Errors.Add("caseRef", "Enter the case reference");
        if (AgeBand is null) Errors.Add("ageBand", "Choose the child's age band");
        if (Gender is null) Errors.Add("gender", "Choose the child's gender, or 'Not recorded'");
        if (Ethnicity is null) Errors.Add("ethnicity", "Choose the child's ethnicity, or 'Not recorded'");
        if (Disability is not ("yes" or "no")) Errors.Add("disability", "Say whether the child has a disability");
        if (AgenciesInvolved.Count == 0) Errors.Add("agenciesInvolved", "Choose at least one agency involved with the child");
        if (string.IsNullOrWhiteSpace(Reason)) Errors.Add("reason", "Say why this case would help the audit");
        if (Errors.Any) return Invalid();

        var command = new NominateCase(scope.AgencyCode, CaseRef!.Trim().ToUpperInvariant(), AgeBand!, Gender!, Ethnicity!, Disability == "yes",
            AgenciesInvolved, Reason!.Trim());
        Errors.AddAll(InputScreen.Problems(command, await namesToKeepOut.ForPartnershipAsync(Cycle.PartnershipId, ct)));
        if (Errors.Any) return Invalid();
        var result = await engine.ExecuteAsync(scope.CycleId, command, actor: User.Actor(), ct: ct);
        if (result.Rejection is { } rejection)
        {
            Errors.Add(rejection.Field ?? "caseRef", rejection.Message);
            return Invalid();
        }
        return RedirectToPage("/Agency/Index", new { nominated = command.CaseRef });
    }

    private IActionResult Invalid()
    {
        ViewData["HasErrors"] = true;
        return Page();
    }

    /// <summary>Only a nomination link, and only while nominations are open.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = User.Link()!;
        if (scope.Purpose != LinkPurpose.Nominate) return Forbid();
        Cycle = (await store.LoadAsync(scope.CycleId, ct)).State;
        return Cycle.Phase == CyclePhase.Nominating ? null : RedirectToPage("/Agency/Index");
    }
}

using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Agency.Actions;

/// <summary>An action owner's list: their agency's actions in this audit, what is due when, and where each stands.</summary>
public sealed class IndexModel(CycleStore store) : PageModel
{
    public CycleState Cycle { get; private set; } = CycleState.Initial;
    public IReadOnlyList<PlanAction> Mine { get; private set; } = [];
    public string? Banner { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, string? actionId, CancellationToken ct)
    {
        var scope = User.Link()!;
        if (scope.Purpose != LinkPurpose.Actions) return Forbid();
        Cycle = (await store.LoadAsync(scope.CycleId, ct)).State;
        Mine = Cycle.Actions.Values.Where(a => a.AgencyCode == scope.AgencyCode).OrderBy(a => a.DueDate).ThenBy(a => a.Id).ToList();
        if (actionId is not null && Mine.Any(a => a.Id == actionId))
            Banner = done == "complete" ? $"Action {actionId} is marked complete. The coordinator will verify it." : $"Your update on action {actionId} is recorded.";
        return Page();
    }
}

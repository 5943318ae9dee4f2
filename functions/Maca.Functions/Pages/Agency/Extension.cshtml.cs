using Maca.Functions.Workflow;
using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Functions.Input;
using Maca.Functions.Pages.Shared;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Agency;

/// <summary>An agency lead asks for more time: the date they need and why. The coordinator grants or refuses it.</summary>
public sealed class ExtensionModel(CycleStore store, CycleGateway engine, NamesToKeepOut namesToKeepOut) : PageModel
{
    public CycleState Cycle { get; private set; } = CycleState.Initial;
    public FormErrors Errors { get; } = new();
    public DateInput NewDeadline { get; private set; } = DateInput.Of(null);
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal) return refusal;
        var scope = User.Link()!;
        NewDeadline = DateInput.From(Request.Form, "newDeadline");
        var (date, problem) = NewDeadline.Read("the date you need");
        if (problem is not null) Errors.Add("newDeadline", problem);
        Errors.NamesToKeepOut = await namesToKeepOut.ForPartnershipAsync(Cycle.PartnershipId, ct);
        Errors.Text("reason", Reason, "Say why you need more time");
        if (!Errors.Any)
        {
            var result = await engine.ExecuteAsync(scope.CycleId, new RequestExtension(scope.AgencyCode, date!.Value, Reason!.Trim()),
                actor: User.Actor(), ct: ct);
            if (result.Rejection is null) return RedirectToPage("/Agency/Index", new { extension = true });
            Errors.Add(result.Rejection.Field == "reason" ? "reason" : "newDeadline", result.Rejection.Message);
        }
        ViewData["HasErrors"] = true;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = User.Link()!;
        if (scope.Purpose != LinkPurpose.Submit) return Forbid();
        Cycle = (await store.LoadAsync(scope.CycleId, ct)).State;
        return Cycle.Phase == CyclePhase.AwaitingSubmissions && Cycle.OutstandingCases(scope.AgencyCode).Count > 0
            ? null : RedirectToPage("/Agency/Index");
    }
}

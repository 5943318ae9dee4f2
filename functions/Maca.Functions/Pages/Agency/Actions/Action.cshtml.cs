using Maca.Functions.Workflow;
using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Functions.Documents;
using Maca.Functions.Input;
using Maca.Functions.Pages.Shared;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Agency.Actions;

/// <summary>
/// An action owner, from their link: post progress with an optional evidence file, or mark the action complete.
/// Only the link's own agency's actions exist here; any other answers 404.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ActionModel(CycleStore store, CycleGateway engine, DocumentUploads uploads, IAntiforgery antiforgery,
    NamesToKeepOut namesToKeepOut) : PageModel
{
    public CycleState Cycle { get; private set; } = CycleState.Initial;
    public PlanAction Action { get; private set; } = null!;
    public FormErrors Errors { get; } = new();
    public string? Note { get; private set; }
    public bool Open => Cycle.Phase == CyclePhase.FollowingUpActions && Action.Status == ActionStatus.Open;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    /// <summary>No handler parameters: binding them would make MVC read the whole form before we can.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        var ct = HttpContext.RequestAborted;
        var posted = await MultipartPageForm.ReadAsync(HttpContext, antiforgery, "evidence");
        if (posted is null) return BadRequest();
        using var file = posted.File;
        if (!Open) return RedirectToPage("/Agency/Actions/Index");
        var scope = User.Link()!;
        Note = posted.Fields.GetValueOrDefault("note")?.Trim();
        var completing = posted.Fields.GetValueOrDefault("action") == "complete";
        if (!completing && string.IsNullOrEmpty(Note)) Errors.Add("note", "Describe the progress");
        Errors.NamesToKeepOut = await namesToKeepOut.ForPartnershipAsync(Cycle.PartnershipId, ct);
        Errors.Text("note", Note);
        string? evidence = null;
        if (!Errors.Any && !file.Missing)
        {
            var outcome = await uploads.UploadAsync(Cycle.CycleId, scope.AgencyCode, DocumentKind.Evidence, file, User.Actor(), ct);
            if (outcome.Document is { } d) evidence = d.Id; else Errors.Add("evidence", outcome.Problem!);
        }
        if (!Errors.Any)
        {
            CycleCommand command = completing
                ? new CompleteAction(Action.Id, scope.AgencyCode, string.IsNullOrEmpty(Note) ? null : Note)
                : new RecordActionProgress(Action.Id, scope.AgencyCode, Note!, evidence);
            var result = await engine.ExecuteAsync(Cycle.CycleId, command, actor: User.Actor(), ct: ct);
            if (result.Rejection is null)
                return RedirectToPage("/Agency/Actions/Index", new { done = completing ? "complete" : "progress", actionId = Action.Id });
            Errors.Add(result.Rejection.Field == "evidenceRef" ? "evidence" : "note", result.Rejection.Message);
        }
        ViewData["HasErrors"] = true;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var scope = User.Link()!;
        if (scope.Purpose != LinkPurpose.Actions) return Forbid();
        Cycle = (await store.LoadAsync(scope.CycleId, HttpContext.RequestAborted)).State;
        var id = RouteData.Values["actionId"] as string ?? "";
        if (!Cycle.Actions.TryGetValue(id, out var action) || action.AgencyCode != scope.AgencyCode) return NotFound();
        Action = action;
        return null;
    }
}

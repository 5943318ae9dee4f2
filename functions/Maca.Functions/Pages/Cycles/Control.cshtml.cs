using Maca.Functions.Workflow;
using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Functions.Input;
using Maca.Functions.Pages.Shared;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Cycles;

/// <summary>
/// Pausing, resuming or stopping a cycle: each asks the coordinator to confirm, with a reason for the history,
/// and then sends the same command the API's suspend, resume and terminate do.
/// </summary>
public sealed class ControlModel(CycleStore store, CycleGateway engine, NamesToKeepOut namesToKeepOut) : PageModel
{
    public enum Change { Suspend, Resume, Terminate }

    public CycleState Cycle { get; private set; } = CycleState.Initial;
    public FormErrors Errors { get; } = new();

    [BindProperty(SupportsGet = true, Name = "change")] public Change Action { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public string Heading => Action switch
    {
        Change.Suspend => "Pause this audit?",
        Change.Resume => "Resume this audit?",
        _ => "Stop this audit for good?",
    };

    public string Consequence => Action switch
    {
        Change.Suspend => "No reminders or other emails go out while it is paused. Anything due meanwhile is sent when you resume.",
        Change.Resume => "Reminders and deadlines start again, and anything that fell due while it was paused is sent.",
        _ => "Every chaser stops and no agency can send anything more. This cannot be undone.",
    };

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var reason = Reason?.Trim();
        if (Action != Change.Resume && string.IsNullOrEmpty(reason))
            Errors.Add("reason", "Give a reason: it goes into the audit's history");
        else if (InputScreen.TextProblem(reason, await namesToKeepOut.ForPartnershipAsync(Cycle.PartnershipId, ct)) is { } problem)
            Errors.Add("reason", problem);
        if (!Errors.Any)
        {
            CycleCommand command = Action switch
            {
                Change.Suspend => new SuspendCycle(reason!),
                Change.Resume => new ResumeCycle(),
                _ => new TerminateCycle(reason!),
            };
            var result = await engine.ExecuteAsync(id, command, actor: User.Actor(), ct: ct);
            if (result.Rejection is null)
                return RedirectToPage("/Cycles/Dashboard", new { id, notice = Action switch
                {
                    Change.Suspend => "The audit is paused.",
                    Change.Resume => "The audit is running again.",
                    _ => "The audit is stopped.",
                } });
            Errors.Add("reason", result.Rejection.Message);
        }
        ViewData["HasErrors"] = true;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (await store.ForCoordinatorAsync(id, User, ct) is not { } cycle) return false;
        Cycle = cycle;
        return true;
    }
}

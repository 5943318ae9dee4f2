using Maca.Functions.Workflow;
using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Shared;

/// <summary>
/// A coordinator's page about one cycle: found only in a partnership they run (404 otherwise), and each button sends
/// one engine command, with the actor from the session. A refusal lands on the field it names, or on the page's own.
/// </summary>
public abstract class CoordinatorCyclePage(CycleStore store, CycleGateway engine) : PageModel
{
    public CycleState Cycle { get; private set; } = CycleState.Initial;
    public FormErrors Errors { get; } = new();
    /// <summary>What the last button did, shown in a success banner.</summary>
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? notice, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Notice = notice;
        await ShowingAsync();
        return Page();
    }

    /// <summary>Fills the form for a first look; nothing to do by default.</summary>
    protected virtual Task ShowingAsync() => Task.CompletedTask;

    protected virtual async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (await store.ForCoordinatorAsync(id, User, ct) is not { } cycle) return false;
        Cycle = cycle;
        return true;
    }

    /// <summary>Runs the command; on success back to <paramref name="page"/> with a notice, otherwise the errors on this page.</summary>
    protected Task<IActionResult> SendAsync(CycleCommand command, string field, string notice, CancellationToken ct, string? page = null) =>
        SendAsync(() => engine.ExecuteAsync(Cycle.CycleId, command, actor: User.Actor(), ct: ct), field, notice, page);

    /// <summary>The same, for a step that runs the command through a service (which may store a file first).</summary>
    protected async Task<IActionResult> SendAsync(Func<Task<CommandResult>> send, string field, string notice, string? page = null)
    {
        if (!Errors.Any)
        {
            var result = await send();
            // Still being processed: the next page says so, not that it is done.
            if (result is { Rejection: null, Pending: true }) return Redirect(page ?? Request.Path.Value ?? "/");
            if (result.Rejection is null) return Redirect($"{page ?? Request.Path.Value}?notice={Uri.EscapeDataString(notice)}");
            Errors.Add(FieldFor(result.Rejection.Field, field), result.Rejection.Message);
            Cycle = result.State;
        }
        ViewData["HasErrors"] = true;
        return Page();
    }

    /// <summary>Which form field a refusal belongs to; override when the command's field names differ from the form's.</summary>
    protected virtual string FieldFor(string? rejectionField, string fallback) => fallback;
}

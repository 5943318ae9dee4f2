using Maca.Functions.Workflow;
using System.Text.Json;
using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Functions.Pages.Shared;
using Maca.Functions.Email;
using Maca.Functions.Email.Delivery;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Cycles;

/// <summary>
/// One cycle at a glance for its coordinator: where it stands, the grid of cases and agencies, every email with its
/// delivery (and a retry for a failed one), and the full history.
/// </summary>
public sealed class DashboardModel(CycleQueries queries, CycleContentQuery content, CycleStore store, CycleGateway engine, EmailRetry retry,
    TimeProvider clock)
    : PageModel
{
    public CycleState Cycle { get; private set; } = CycleState.Initial;
    public CycleStatusDocument Status { get; private set; } = null!;
    public CycleContentDocument Held { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    public string? Notice { get; private set; }
    /// <summary>Commands refused by the orchestrator after they were sent: nobody should think they were done.</summary>
    public IReadOnlyList<CycleRefusals.Refusal> LateRefusals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, string? notice, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Notice = notice;
        return Page();
    }

    /// <summary>The retry button beside a failed email.</summary>
    public async Task<IActionResult> OnPostRetryAsync(string id, string outboxId, CancellationToken ct)
    {
        if (await store.ForCoordinatorAsync(id, User, ct) is null) return NotFound();
        await retry.RetryAsync(id, outboxId, User.Actor(), ct);
        return RedirectToPage(new { id, notice = "The email will be sent again." });
    }

    /// <summary>Closing nominations before their deadline, so the coordinator can choose the cases now.</summary>
    public Task<IActionResult> OnPostCloseNominationsAsync(string id, CancellationToken ct) =>
        SendAsync(id, new CloseNominations(), "Nominations are closed. You can now choose the cases.", ct);

    /// <summary>Answering an agency's request for more time, from the list of requests waiting.</summary>
    public Task<IActionResult> OnPostGrantAsync(string id, string agency, CancellationToken ct) =>
        SendAsync(id, new GrantExtension(agency), $"{agency} has more time, and has been told.", ct);

    public Task<IActionResult> OnPostRefuseAsync(string id, string agency, CancellationToken ct) =>
        SendAsync(id, new RefuseExtension(agency, "The audit timetable cannot move. Please send what you have."), $"{agency} has been told there is no extension.", ct);

    /// <summary>Going on without the responses still missing; they are recorded as missing.</summary>
    public Task<IActionResult> OnPostProceedAsync(string id, CancellationToken ct) =>
        SendAsync(id, new ProceedWithoutMissing(), "Submissions are closed; anything not sent is recorded as missing.", ct);

    private async Task<IActionResult> SendAsync(string id, CycleCommand command, string notice, CancellationToken ct)
    {
        if (await store.ForCoordinatorAsync(id, User, ct) is null) return NotFound();
        var result = await engine.ExecuteAsync(id, command, actor: User.Actor(), ct: ct);
        // Still being processed: the page says so, not that it is done.
        return RedirectToPage(new { id, notice = result.Rejection?.Message ?? (result.Pending ? null : notice) });
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        // Another partnership's cycle is answered as if it did not exist.
        if (await queries.DetailAsync(id, showHistory: true, ct) is not { } detail
            || !User.RunsPartnership(detail.Cycle.State.PartnershipId)) return false;
        (Cycle, Status, Now) = (detail.Cycle.State, detail.Status, clock.GetUtcNow());
        Held = content.From(detail);
        LateRefusals = detail.Status.LateRefusals;
        return true;
    }
}

using System.Text.Json;
using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Functions.Email;
using Maca.Functions.Outbox;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Cycles;

/// <summary>
/// One cycle at a glance for its coordinator: where it stands, the grid of cases and agencies, every email with its
/// delivery (and a retry for a failed one), and the full history.
/// </summary>
public sealed class DashboardModel(CycleQueries queries, CycleStore store, OutboxStore outbox, CycleEngine engine, WakeUpIndex wakeUps,
    OutboxKick kick, TimeProvider clock) : PageModel
{
    public sealed record EmailLine(string OutboxId, string Kind, string To, DateTimeOffset QueuedAt, OutboxStatus Status, string? Reason);

    public CycleState Cycle { get; private set; } = CycleState.Initial;
    public CycleStatusDocument Status { get; private set; } = null!;
    public IReadOnlyList<EmailLine> Emails { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? notice, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Notice = notice;
        return Page();
    }

    /// <summary>The retry button beside a failed email.</summary>
    public async Task<IActionResult> OnPostRetryAsync(string id, string outboxId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var now = clock.GetUtcNow();
        if (await outbox.RetryAsync(id, outboxId, User.Actor(), now, ct) == OutboxStore.RetryOutcome.Queued)
        {
            await wakeUps.EnsureAsync(id, now, Cycle.Version - 1, ct);
            kick.Send(id);
        }
        return RedirectToPage(new { id, notice = "The email will be sent again." });
    }

    /// <summary>Closing nominations before their deadline, so the coordinator can choose the cases now.</summary>
    public async Task<IActionResult> OnPostCloseNominationsAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await engine.ExecuteAsync(id, new CloseNominations(), actor: User.Actor(), ct: ct);
        return RedirectToPage(new { id, notice = result.Rejection?.Message ?? "Nominations are closed. You can now choose the cases." });
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var cycle = await store.LoadAsync(id, ct);
        if (!cycle.Exists || !User.RunsPartnership(cycle.State.PartnershipId)) return false; // another partnership's: as if absent
        Cycle = cycle.State;
        Status = (await queries.StatusAsync(id, showHistory: true, ct))!;
        Now = clock.GetUtcNow();
        Emails = (await outbox.AllAsync(id, ct)).OrderByDescending(e => e.QueuedAt)
            .Select(e => new EmailLine(e.OutboxId, e.Kind, Recipients(e.EmailJson), e.QueuedAt, e.Status, e.LastError)).ToList();
        return true;
    }

    private static string Recipients(string emailJson)
    {
        try { return string.Join(", ", JsonSerializer.Deserialize<EmailMessage>(emailJson, CycleJson.Options)?.To ?? []); }
        catch (JsonException) { return "(the email could not be read)"; }
    }
}

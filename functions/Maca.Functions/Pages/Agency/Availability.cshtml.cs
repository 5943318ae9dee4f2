using Maca.Functions.Workflow;
using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Functions.Pages.Shared;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Agency;

/// <summary>
/// An agency says which proposed meeting times it can make, from its availability link. One yes-or-no question per
/// time; the answers go to the workflow as the same GiveAvailability command the API takes.
/// </summary>
public sealed class AvailabilityModel(CycleStore store, CycleGateway engine) : PageModel
{
    public MeetingState Meeting { get; private set; } = null!;
    public string Theme { get; private set; } = "";
    public FormErrors Errors { get; } = new();

    /// <summary>"yes" or "no" per slot id, as the radios post them.</summary>
    [BindProperty] public Dictionary<string, string> Answers { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } elsewhere) return elsewhere;
        var agency = User.Link()!.AgencyCode;
        if (Meeting.Availability.TryGetValue(agency, out var given))
            Answers = given.ToDictionary(a => a.Key, a => a.Value ? "yes" : "no");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } elsewhere) return elsewhere;
        foreach (var slot in Meeting.Slots.Where(s => Answers.GetValueOrDefault(s.Id) is not ("yes" or "no")))
            Errors.Add(FieldFor(slot), $"Say whether you can attend on {Orchestrations.Calendar.WorkingCalendar.FormatInstant(slot.Start)}");
        if (!Errors.Any)
        {
            var scope = User.Link()!;
            var answers = Meeting.Slots.ToDictionary(s => s.Id, s => Answers[s.Id] == "yes");
            var result = await engine.ExecuteAsync(scope.CycleId, new GiveAvailability(scope.AgencyCode, answers), actor: User.Actor(), ct: ct);
            if (result.Rejection is null) return RedirectToPage("/Agency/Index", new { answered = true });
            Errors.Add(FieldFor(Meeting.Slots[0]), result.Rejection.Message);
        }
        ViewData["HasErrors"] = true;
        return Page();
    }

    public static string FieldFor(MeetingSlot slot) => $"slot-{slot.Id}";

    /// <summary>Only an availability link, and only while the meeting is being arranged.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = User.Link()!;
        if (scope.Purpose != LinkPurpose.Availability) return Forbid();
        var cycle = (await store.LoadAsync(scope.CycleId, ct)).State;
        if (cycle.Phase != CyclePhase.SchedulingMeeting || cycle.Meeting is not { Slots.Count: > 0 } meeting) return RedirectToPage("/Agency/Index");
        (Meeting, Theme) = (meeting, cycle.Theme);
        return null;
    }
}

using Maca.Functions.Workflow;
using Maca.Functions.Cycles;
using Maca.Functions.Input;
using Maca.Functions.Pages.Shared;
using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;

namespace Maca.Functions.Pages.Cycles;

/// <summary>
/// The multi-agency meeting: propose times, watch the availability grid fill, book a time (or the best one), then
/// reschedule, cancel or record it as held. Every change sends the calendar invitation or its update by email.
/// </summary>
public sealed class MeetingModel(CycleStore store, CycleGateway engine) : CoordinatorCyclePage(store, engine)
{
    public const int SlotRows = 3;
    public Dictionary<string, DateInput> Dates { get; } = [];
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public IEnumerable<AgencyContact> Attendees => Cycle.Agencies.Values.Where(a => Cycle.AgenciesInScope.Contains(a.Code)).OrderBy(a => a.Code);

    protected override Task ShowingAsync()
    {
        for (var i = 1; i <= SlotRows; i++) Dates[$"slot{i}"] = DateInput.Of(null);
        Dates["new"] = DateInput.Of(null);
        return Task.CompletedTask;
    }

    public async Task<IActionResult> OnPostProposeAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var slots = new List<ProposedSlot>();
        for (var i = 1; i <= SlotRows; i++)
        {
            var field = $"slot{i}";
            Dates[field] = DateInput.From(Request.Form, field);
            if (Dates[field].Empty && string.IsNullOrWhiteSpace(Request.Form[$"{field}-start"])) continue;
            if (ReadSlot(field, Dates[field]) is { } slot) slots.Add(slot);
        }
        Dates["new"] = DateInput.Of(null);
        if (!Errors.Any && slots.Count < 2) Errors.Add("slot1", "Propose at least two times");
        Errors.Text("location", Location, "Say where the meeting will be, or give the online meeting link");
        return await SendAsync(new ProposeMeetingSlots(slots, Location?.Trim() ?? ""), "slot1",
            "The times are sent: each agency is asked when it can attend.", ct);
    }

    public async Task<IActionResult> OnPostBookAsync(string id, string? slotId, CancellationToken ct) =>
        !await LoadAsync(id, ct) ? NotFound()
            : await SendAsync(new BookMeeting(string.IsNullOrEmpty(slotId) ? null : slotId), "book", "The meeting is booked and the invitation sent.", ct);

    public async Task<IActionResult> OnPostRescheduleAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Dates["new"] = DateInput.From(Request.Form, "new");
        for (var i = 1; i <= SlotRows; i++) Dates[$"slot{i}"] = DateInput.Of(null);
        var slot = ReadSlot("new", Dates["new"]);
        Errors.Text("location", Location);
        return await SendAsync(new RescheduleMeeting(slot?.Start ?? default, slot?.End ?? default, string.IsNullOrWhiteSpace(Location) ? null : Location.Trim()),
            "new", "The meeting has moved and the updated invitation is sent.", ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Errors.Text("reason", Reason, "Give a reason: it goes to everyone invited");
        Dates["new"] = DateInput.Of(null);
        return await SendAsync(new CancelMeeting(Reason?.Trim() ?? ""), "reason", "The meeting is cancelled and everyone told. Propose new times.", ct);
    }

    public async Task<IActionResult> OnPostHeldAsync(string id, CancellationToken ct) =>
        !await LoadAsync(id, ct) ? NotFound() : await SendAsync(new RecordMeetingHeld(), "held", "The meeting is recorded as held. Record the findings next.", ct);

    private ProposedSlot? ReadSlot(string field, DateInput date)
    {
        var (day, problem) = date.Read("the date");
        var start = TimeOfDay.Read(Request.Form[$"{field}-start"]);
        var end = TimeOfDay.Read(Request.Form[$"{field}-end"]);
        if (problem is not null) Errors.Add(field, problem);
        else if (start is null || end is null) Errors.Add(field, "Enter the start and end times, like 10:00 and 12:00");
        else if (end <= start) Errors.Add(field, "The end time must be after the start time");
        return Errors.For(field) is null
            ? new ProposedSlot(WorkingCalendar.AtUkTime(day!.Value, start!.Value), WorkingCalendar.AtUkTime(day.Value, end!.Value)) : null;
    }
}

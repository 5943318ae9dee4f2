using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Agency;

/// <summary>
/// Where a magic link lands: the agency's own part of one audit, for what the link was sent for. Everything shown
/// comes from the link's scope, never from the address, so one agency can never reach another's tasks.
/// </summary>
public sealed class IndexModel(CycleStore store, TimeProvider clock) : PageModel
{
    public sealed record CaseTask(string CaseRef, string Words, string TagClass);

    public LinkScope Scope { get; private set; } = null!;
    public CycleState Cycle { get; private set; } = CycleState.Initial;
    public string AgencyName { get; private set; } = "";
    public IReadOnlyList<CaseTask> Cases { get; private set; } = [];
    public IReadOnlyList<string> Nominated { get; private set; } = [];
    public DateTimeOffset? Deadline { get; private set; }
    public string? JustNominated { get; private set; }
    public bool JustAnswered { get; private set; }
    public MeetingState? Meeting { get; private set; }

    public string? JustSaved { get; private set; }
    public bool JustAskedForMoreTime { get; private set; }
    public IReadOnlyList<string> Owed { get; private set; } = [];
    public DateTimeOffset? PendingExtension { get; private set; }
    public bool CanAskForMoreTime => Scope.Purpose == LinkPurpose.Submit && Cycle.Phase == CyclePhase.AwaitingSubmissions && Owed.Count > 0;

    public async Task<IActionResult> OnGetAsync(string? nominated, bool? answered, string? saved, bool? extension, CancellationToken ct)
    {
        Scope = User.Link()!;
        if (Scope.Purpose == LinkPurpose.Actions) return RedirectToPage("/Agency/Actions/Index");
        if (Scope.Purpose == LinkPurpose.Summary) return RedirectToPage("/Agency/Summary");
        Cycle = (await store.LoadAsync(Scope.CycleId, ct)).State;
        AgencyName = Cycle.Agencies.TryGetValue(Scope.AgencyCode, out var agency) ? agency.Name : Scope.AgencyCode;
        var now = clock.GetUtcNow();
        Cases = Cycle.Cases.Where(c => c.AgenciesInScope.Contains(Scope.AgencyCode))
            .Select(c => ToTask(Cycle.Submissions.GetValueOrDefault(CycleState.SubmissionKey(Scope.AgencyCode, c.CaseRef)), c.CaseRef))
            .ToList();
        Owed = Cycle.OutstandingCases(Scope.AgencyCode);
        JustSaved = saved is not null && Cases.Any(c => c.CaseRef == saved) ? saved : null;
        PendingExtension = Cycle.PendingExtensions.TryGetValue(Scope.AgencyCode, out var asked) ? asked : null;
        JustAskedForMoreTime = extension == true && PendingExtension is not null;
        Nominated = Cycle.Nominations.Where(n => n.NominatedBy == Scope.AgencyCode).Select(n => n.CaseRef).ToList();
        JustNominated = nominated is not null && Nominated.Contains(nominated) ? nominated : null;
        Meeting = Cycle.Phase == CyclePhase.SchedulingMeeting && Cycle.Meeting is { Slots.Count: > 0 } m ? m : null;
        JustAnswered = answered == true && Meeting?.Availability.ContainsKey(Scope.AgencyCode) == true;
        Deadline = Scope.Purpose switch
        {
            LinkPurpose.Submit when Cycle.Cases.Count > 0 => Cycle.DeadlineFor(Scope.AgencyCode),
            LinkPurpose.Nominate when Cycle.Phase == CyclePhase.Nominating => Cycle.NominationsCloseAt,
            LinkPurpose.Availability when Cycle.Meeting is { } meeting && Cycle.Phase == CyclePhase.SchedulingMeeting => meeting.AvailabilityDeadline,
            _ => null,
        };
        if (Deadline is { } due && due < now && Scope.Purpose == LinkPurpose.Nominate) Deadline = null;
        return Page();
    }

    private static CaseTask ToTask(SubmissionRecord? record, string caseRef) => record?.Status switch
    {
        SubmissionStatus.Submitted => new(caseRef, "Submitted", "govuk-tag--green"),
        SubmissionStatus.NotKnown => new(caseRef, "Not known to us", "govuk-tag--grey"),
        SubmissionStatus.Draft => new(caseRef, "In progress", "govuk-tag--light-blue"),
        SubmissionStatus.Missing => new(caseRef, "Closed without a submission", "govuk-tag--red"),
        _ => new(caseRef, "Not yet started", "govuk-tag--blue"),
    };
}

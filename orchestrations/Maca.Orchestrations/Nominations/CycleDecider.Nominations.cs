using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Nominations;
using Maca.Orchestrations.Notifications;

namespace Maca.Orchestrations.Cycles;

public sealed partial class CycleDecider
{
    private IEnumerable<CycleEvent> OpenNominationsNow(CycleState s, DateTimeOffset now)
    {
        yield return new NominationsOpened(s.NominationsCloseAt);
        foreach (var agency in s.Nominators)
            yield return Notify(NotificationKind.NominationRequest, [agency.QaEmail], agency: agency.Code, dueAt: s.NominationsCloseAt);
        var reminderAt = WorkingCalendar.AtUkTime(
            Calendar.AddWorkingDays(WorkingCalendar.UkDate(s.NominationsCloseAt), -2), WorkingCalendar.ChaserTime);
        var steps = new List<ScheduledStep> { ScheduledStep.Create(s.NominationsCloseAt, StepPurpose.CloseNominations) };
        if (reminderAt > now) steps.Add(ScheduledStep.Create(reminderAt, StepPurpose.NominationReminder));
        yield return new StepsScheduled(steps);
    }

    private static IEnumerable<CycleEvent> NominationReminders(CycleState s) =>
        s.Nominators.Where(a => s.Nominations.All(n => n.NominatedBy != a.Code))
            .Select(a => Notify(NotificationKind.NominationReminder, [a.QaEmail], agency: a.Code, dueAt: s.NominationsCloseAt));

    private static IEnumerable<CycleEvent> CloseNominationsNow(CycleState s)
    {
        yield return new NominationsClosed();
        if (Cancel(s, x => x.Purpose is StepPurpose.NominationReminder or StepPurpose.CloseNominations, "nominations closed") is { } cancelled)
            yield return cancelled;
    }

    private static Decision Nominate(NominateCase c, CycleState s)
    {
        if (s.Phase != CyclePhase.Nominating) return Rejection.Phase(s.Phase, "nominate a case");
        if (!s.Agencies.ContainsKey(c.AgencyCode)) return Rejection.Missing($"Agency {c.AgencyCode}");
        if (s.Nominators.All(a => a.Code != c.AgencyCode)) return Rejection.Rule($"{c.AgencyCode} is not asked to nominate cases in this audit.");
        if (IdentifierGuard.CaseReferenceProblem(c.CaseRef) is { } refProblem) return Rejection.Invalid("caseRef", refProblem);
        if (!CaseProfile.AgeBands.Contains(c.AgeBand)) return Rejection.Invalid("ageBand", $"Choose an age band: {string.Join(", ", CaseProfile.AgeBands)}.");
        if (!CaseProfile.Genders.Contains(c.Gender)) return Rejection.Invalid("gender", $"Choose a gender: {string.Join(", ", CaseProfile.Genders)}.");
        if (!CaseProfile.Ethnicities.Contains(c.Ethnicity)) return Rejection.Invalid("ethnicity", $"Choose an ethnicity: {string.Join(", ", CaseProfile.Ethnicities)}.");
        if (c.AgenciesInvolved.Count == 0) return Rejection.Invalid("agenciesInvolved", "Say which agencies know this child.");
        if (c.AgenciesInvolved.FirstOrDefault(a => !s.Agencies.ContainsKey(a)) is { } unknown)
            return Rejection.Invalid("agenciesInvolved", $"{unknown} is not an agency in this cycle.");
        if (string.IsNullOrWhiteSpace(c.Reason)) return Rejection.Invalid("reason", "Say why this case would help the audit.");
        if (IdentifierGuard.TextProblem(c.Reason) is { } textProblem) return Rejection.Invalid("reason", textProblem);
        if (s.Nominations.Any(n => n.CaseRef == c.CaseRef))
            return s.Nominations.Any(n => n.CaseRef == c.CaseRef && n.NominatedBy == c.AgencyCode)
                ? Decision.NoOp : Rejection.Rule($"Case {c.CaseRef} has already been nominated by another agency.");
        var nomination = new Nomination($"N{s.NominationsMade + 1}", c.AgencyCode, c.CaseRef, c.AgeBand, c.Gender, c.Ethnicity,
            c.Disability, c.AgenciesInvolved.Distinct().ToList(), c.Reason.Trim());
        return Decision.Accept(new CaseNominated(nomination));
    }

    private static Decision Withdraw(WithdrawNomination c, CycleState s)
    {
        if (s.Phase != CyclePhase.Nominating) return Rejection.Phase(s.Phase, "withdraw a nomination");
        var nomination = s.Nominations.FirstOrDefault(n => n.Id == c.NominationId);
        if (nomination is null) return Decision.NoOp;
        if (nomination.NominatedBy != c.AgencyCode) return Rejection.Rule("Only the agency that nominated a case can withdraw it.");
        return Decision.Accept(new NominationWithdrawn(c.NominationId));
    }

    private Decision Select(SelectCases c, CycleState s, DateTimeOffset now)
    {
        if (s.Phase != CyclePhase.Selecting) return Rejection.Phase(s.Phase, "select cases");
        if (c.Cases.Count == 0) return Rejection.Invalid("cases", "Select at least one case.");
        if (c.Cases.GroupBy(x => x.CaseRef).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Rejection.Invalid("cases", $"Case {twice.Key} is selected twice.");
        foreach (var selected in c.Cases)
        {
            if (s.Nominations.All(n => n.CaseRef != selected.CaseRef)) return Rejection.Missing($"Nominated case {selected.CaseRef}");
            if (selected.AgenciesInScope.Count == 0) return Rejection.Invalid("cases", $"Case {selected.CaseRef} needs at least one agency in scope.");
            if (selected.AgenciesInScope.FirstOrDefault(a => !s.Agencies.ContainsKey(a)) is { } unknown)
                return Rejection.Invalid("cases", $"{unknown} is not an agency in this cycle.");
        }
        var today = WorkingCalendar.UkDate(now);
        var deadline = Calendar.DeadlineOn(s.PlannedSubmissionDeadline ?? Calendar.AddWorkingDays(today, DefaultDurations.SubmissionWorkingDays));
        if (deadline <= now) return Rejection.Rule("The planned submission deadline has passed; start a new cycle with a later timetable.");

        var cases = c.Cases.Select(x => x with { AgenciesInScope = x.AgenciesInScope.Distinct().Order(StringComparer.Ordinal).ToList() }).ToList();
        var events = new List<CycleEvent> { new CasesSelected(cases, deadline) };
        var state = Preview(s, events);
        foreach (var agencyCode in state.AgenciesInScope)
        {
            var agency = s.Agencies[agencyCode];
            events.Add(Notify(NotificationKind.SubmissionRequest, [agency.LeadEmail], agency: agencyCode,
                cases: state.OutstandingCases(agencyCode), dueAt: deadline));
            events.Add(new StepsScheduled(Ladder(s.SubmissionLadder, deadline, now, StepPurpose.SubmissionChaser, agency: agencyCode).ToList()));
        }
        return Decision.Accept(events);
    }
}

using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Notifications;
using Maca.Orchestrations.Privacy;
using static Maca.Orchestrations.Cycles.Decide;

namespace Maca.Orchestrations.Nominations;

/// <summary>Nominating cases, closing nominations and choosing the cases. Phases are checked by the decider's table.</summary>
public sealed class NominationRules(WorkingCalendar calendar, Chasers chasers)
{
    public IEnumerable<CycleEvent> Open(CycleState s, DateTimeOffset now)
    {
        yield return new NominationsOpened(s.NominationsCloseAt);
        foreach (var agency in s.Nominators)
            yield return Notify(NotificationKind.NominationRequest, [agency.QaEmail], agency: agency.Code, dueAt: s.NominationsCloseAt);
        var reminderAt = WorkingCalendar.AtUkTime(
            calendar.AddWorkingDays(WorkingCalendar.UkDate(s.NominationsCloseAt), -2), WorkingCalendar.ChaserTime);
        var steps = new List<ScheduledStep> { ScheduledStep.Create(s.NominationsCloseAt, StepPurpose.CloseNominations) };
        if (reminderAt > now) steps.Add(ScheduledStep.Create(reminderAt, StepPurpose.NominationReminder));
        yield return new StepsScheduled(steps);
    }

    public static IEnumerable<CycleEvent> Reminders(CycleState s) =>
        s.Nominators.Where(a => s.Nominations.All(n => n.NominatedBy != a.Code))
            .Select(a => Notify(NotificationKind.NominationReminder, [a.QaEmail], agency: a.Code, dueAt: s.NominationsCloseAt));

    public static IEnumerable<CycleEvent> Close(CycleState s) =>
        new List<CycleEvent> { new NominationsClosed() }
            .With(Cancel(s, x => x.Purpose is StepPurpose.NominationReminder or StepPurpose.CloseNominations, "nominations closed"));

    public static Decision Nominate(NominateCase c, CycleState s)
    {
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

    public static Decision Withdraw(WithdrawNomination c, CycleState s)
    {
        var nomination = s.Nominations.FirstOrDefault(n => n.Id == c.NominationId);
        if (nomination is null) return Decision.NoOp;
        if (nomination.NominatedBy != c.AgencyCode) return Rejection.Rule("Only the agency that nominated a case can withdraw it.");
        return Decision.Accept(new NominationWithdrawn(c.NominationId));
    }

    /// <summary>The cases chosen, each with its agencies in scope; each agency in scope is asked and its chasers laid.</summary>
    public Decision Select(SelectCases c, CycleState s, DateTimeOffset now)
    {
        if (c.Cases.Count == 0) return Rejection.Invalid("cases", "Select at least one case.");
        if (c.Cases.GroupBy(x => x.CaseRef).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Rejection.Invalid("cases", $"Case {twice.Key} is selected twice.");
        foreach (var selected in c.Cases)
        {
            if (string.IsNullOrWhiteSpace(selected.CaseRef)) return Rejection.Invalid("cases", "A selected case has no case reference.");
            if (s.Nominations.All(n => n.CaseRef != selected.CaseRef)) return Rejection.Missing($"Nominated case {selected.CaseRef}");
            if (selected.AgenciesInScope.Count == 0) return Rejection.Invalid("cases", $"Case {selected.CaseRef} needs at least one agency in scope.");
            if (selected.AgenciesInScope.FirstOrDefault(a => !s.Agencies.ContainsKey(a)) is { } unknown)
                return Rejection.Invalid("cases", $"{unknown} is not an agency in this cycle.");
        }
        var today = WorkingCalendar.UkDate(now);
        var deadline = calendar.DeadlineOn(s.PlannedSubmissionDeadline ?? calendar.AddWorkingDays(today, DefaultDurations.SubmissionWorkingDays));
        if (deadline <= now) return Rejection.Rule("The planned submission deadline has passed; start a new cycle with a later timetable.");

        var cases = c.Cases.Select(x => x with { AgenciesInScope = x.AgenciesInScope.Distinct().Order(StringComparer.Ordinal).ToList() }).ToList();
        var events = new List<CycleEvent> { new CasesSelected(cases, deadline) };
        var state = Preview(s, events);
        foreach (var agencyCode in state.AgenciesInScope)
        {
            events.Add(Notify(NotificationKind.SubmissionRequest, [s.Agencies[agencyCode].LeadEmail], agency: agencyCode,
                cases: state.OutstandingCases(agencyCode), dueAt: deadline));
            events.Add(new StepsScheduled(chasers.Lay(s, Chase.Submission, deadline, now, agency: agencyCode).ToList()));
        }
        return Decision.Accept(events);
    }
}

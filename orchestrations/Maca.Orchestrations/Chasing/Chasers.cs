using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Notifications;

namespace Maca.Orchestrations.Chasing;

/// <summary>The three things the cycle chases agencies for.</summary>
public enum Chase { Submission, Availability, Action }

/// <summary>
/// Every chaser ladder, in one place: laying the rungs for a deadline, laying them again after an extension,
/// firing a rung (who gets it, and which email), and stopping the chase once nothing is owed.
/// Rungs are in working days from the deadline (<see cref="ChaserLadder"/>) and go at 09:00 UK time.
/// </summary>
public sealed class Chasers(WorkingCalendar calendar)
{
    /// <summary>Who each rung goes to, the same for every chase: the lead; the QA member copied once overdue;
    /// the agency's senior manager and the partnership manager at escalation.</summary>
    private static (string[] To, string[] Cc) People(ChaserKind rung, AgencyContact agency, PartnershipContacts contacts) => rung switch
    {
        ChaserKind.Reminder or ChaserKind.DueToday => ([agency.LeadEmail], []),
        ChaserKind.Overdue => ([agency.LeadEmail], [agency.QaEmail]),
        _ => ([agency.SeniorEmail, contacts.ManagerEmail], []),
    };

    private static NotificationKind Email(Chase chase, ChaserKind rung) => (chase, rung) switch
    {
        (Chase.Submission, ChaserKind.Reminder) => NotificationKind.SubmissionReminder,
        (Chase.Submission, ChaserKind.DueToday) => NotificationKind.SubmissionDueToday,
        (Chase.Submission, ChaserKind.Overdue) => NotificationKind.SubmissionOverdue,
        (Chase.Submission, _) => NotificationKind.SubmissionEscalation,
        (Chase.Availability, ChaserKind.Reminder) => NotificationKind.AvailabilityReminder,
        (Chase.Availability, ChaserKind.DueToday) => NotificationKind.AvailabilityDueToday,
        (Chase.Availability, ChaserKind.Overdue) => NotificationKind.AvailabilityOverdue,
        (Chase.Availability, _) => NotificationKind.AvailabilityEscalation,
        (_, ChaserKind.Reminder) => NotificationKind.ActionReminder,
        (_, ChaserKind.DueToday) => NotificationKind.ActionDueToday,
        (_, ChaserKind.Overdue) => NotificationKind.ActionOverdue,
        _ => NotificationKind.ActionEscalation,
    };

    public static StepPurpose Purpose(Chase chase) => chase switch
    {
        Chase.Submission => StepPurpose.SubmissionChaser,
        Chase.Availability => StepPurpose.AvailabilityChaser,
        _ => StepPurpose.ActionChaser,
    };

    public static Chase? ChaseOf(StepPurpose purpose) => purpose switch
    {
        StepPurpose.SubmissionChaser => Chase.Submission,
        StepPurpose.AvailabilityChaser => Chase.Availability,
        StepPurpose.ActionChaser => Chase.Action,
        _ => null,
    };

    /// <summary>The rungs for one deadline. Actions use the action ladder; submissions and availability the submission
    /// ladder, and availability only the rungs before its own deadline (the deadline itself books the meeting).</summary>
    public IEnumerable<ScheduledStep> Lay(CycleState s, Chase chase, DateTimeOffset deadline, DateTimeOffset now,
        string? agency = null, string? action = null)
    {
        var ladder = chase == Chase.Action ? s.ActionLadder : s.SubmissionLadder;
        var steps = ladder.Lay(calendar, deadline, now).Select(x => ScheduledStep.Create(x.DueAt, Purpose(chase), x.Step.Kind, agency, action));
        return chase == Chase.Availability ? steps.Where(x => x.DueAt < deadline) : steps;
    }

    /// <summary>A new deadline for an agency: its old rungs go and new ones are laid.</summary>
    public IEnumerable<CycleEvent> Relay(CycleState s, Chase chase, string agency, DateTimeOffset deadline, DateTimeOffset now, string reason) =>
        new List<CycleEvent>().With(Stop(s, chase, reason, agency: agency))
            .Append(new StepsScheduled(Lay(s, chase, deadline, now, agency: agency).ToList()));

    /// <summary>Stops a chase: for one agency, one action, or (with neither) everyone.</summary>
    public static StepsCancelled? Stop(CycleState s, Chase chase, string reason, string? agency = null, string? action = null) =>
        Decide.Cancel(s, x => x.Purpose == Purpose(chase) && (agency is null || x.AgencyCode == agency) && (action is null || x.ActionId == action),
            reason);

    /// <summary>A rung falls due: its email, or nothing when what it chased is no longer owed.</summary>
    public static NotificationQueued? Fire(ScheduledStep step, CycleState s)
    {
        var chase = ChaseOf(step.Purpose) ?? throw new ArgumentException($"{step.Purpose} is not a chaser.", nameof(step));
        AgencyContact agency;
        IReadOnlyList<string>? cases = null;
        DateTimeOffset due;
        switch (chase)
        {
            case Chase.Submission:
                agency = s.Agencies[step.AgencyCode!];
                cases = s.OutstandingCases(agency.Code);
                if (cases.Count == 0) return null;
                due = s.DeadlineFor(agency.Code);
                break;
            case Chase.Availability:
                agency = s.Agencies[step.AgencyCode!];
                if (s.Meeting is null || s.Meeting.Availability.ContainsKey(agency.Code)) return null;
                due = s.Meeting.AvailabilityDeadline;
                break;
            default:
                if (!s.Actions.TryGetValue(step.ActionId!, out var action) || action.Status != ActionStatus.Open) return null;
                agency = Actions.ActionOwners.Contact(s, action.AgencyCode);
                due = action.DueAt;
                break;
        }
        var (to, cc) = People(step.Chaser ?? ChaserKind.Escalation, agency, s.Contacts);
        return Decide.Notify(Email(chase, step.Chaser ?? ChaserKind.Escalation), to, cc, agency.Code, cases, due, step.ActionId);
    }
}

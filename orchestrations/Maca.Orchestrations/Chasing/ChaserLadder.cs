using Maca.Orchestrations.Calendar;

namespace Maca.Orchestrations.Chasing;

public enum ChaserKind { Reminder, DueToday, Overdue, Escalation }

/// <summary>One rung: how many working days from the deadline (negative is before), and what it says.</summary>
public sealed record ChaserStep(int OffsetWorkingDays, ChaserKind Kind);

/// <summary>
/// The emails that chase one deadline. The initial request goes at once; each rung goes at 09:00 UK time
/// on its working day. Rungs already in the past when the ladder is laid are skipped, never sent late.
/// </summary>
public sealed record ChaserLadder(IReadOnlyList<ChaserStep> Steps)
{
    public static readonly ChaserLadder DefaultSubmission = new(
    [
        new(-5, ChaserKind.Reminder), new(-2, ChaserKind.Reminder), new(0, ChaserKind.DueToday),
        new(1, ChaserKind.Overdue), new(3, ChaserKind.Escalation),
    ]);

    public static readonly ChaserLadder DefaultAction = new(
        [new(-5, ChaserKind.Reminder), new(0, ChaserKind.DueToday), new(5, ChaserKind.Escalation)]);

    public IEnumerable<(ChaserStep Step, DateTimeOffset DueAt)> Lay(WorkingCalendar calendar, DateTimeOffset deadline, DateTimeOffset now)
    {
        var deadlineDate = WorkingCalendar.UkDate(deadline);
        foreach (var step in Steps.OrderBy(s => s.OffsetWorkingDays))
        {
            var dueAt = WorkingCalendar.AtUkTime(calendar.AddWorkingDays(deadlineDate, step.OffsetWorkingDays), WorkingCalendar.ChaserTime);
            if (dueAt > now) yield return (step, dueAt);
        }
    }

    public string? Problem()
    {
        if (Steps.Count == 0) return "A chaser ladder needs at least one step.";
        if (Steps.Any(s => s.OffsetWorkingDays is < -30 or > 30)) return "Chaser steps must fall within 30 working days of the deadline.";
        if (Steps.GroupBy(s => s.OffsetWorkingDays).Any(g => g.Count() > 1)) return "Two chaser steps fall on the same day.";
        return null;
    }
}

public enum StepPurpose
{
    OpenNominations, NominationReminder, CloseNominations, SubmissionChaser, AvailabilityChaser, AvailabilityDeadline,
    MeetingPackReady, MeetingReminder, ActionChaser,
}

/// <summary>A durable timer: something the cycle will do by itself at <see cref="DueAt"/>.</summary>
public sealed record ScheduledStep(string Id, DateTimeOffset DueAt, StepPurpose Purpose,
    ChaserKind? Chaser = null, string? AgencyCode = null, string? ActionId = null)
{
    public static ScheduledStep Create(DateTimeOffset dueAt, StepPurpose purpose,
        ChaserKind? chaser = null, string? agency = null, string? action = null) =>
        new($"{purpose}:{agency ?? action ?? "cycle"}:{chaser?.ToString() ?? "-"}:{dueAt.UtcDateTime:yyyyMMddHHmm}",
            dueAt, purpose, chaser, agency, action);
}

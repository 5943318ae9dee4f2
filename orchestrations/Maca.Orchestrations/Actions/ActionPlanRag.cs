using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Cycles;

namespace Maca.Orchestrations.Actions;

public enum Rag { Green, Amber, Red }

/// <summary>
/// The plan's status, derived, never stored: red if any open action is past due, amber if any is due
/// within five working days, otherwise green. Completed, verified and carried-forward actions do not count.
/// </summary>
public static class ActionPlanRag
{
    public const int AtRiskWorkingDays = 5;

    public static Rag? Of(CycleState s, DateTimeOffset now, WorkingCalendar calendar)
    {
        if (s.Actions.IsEmpty) return null;
        var open = s.Actions.Values.Where(a => a.Status == ActionStatus.Open).ToList();
        if (open.Any(a => a.DueAt < now)) return Rag.Red;
        var horizon = calendar.AddWorkingDays(WorkingCalendar.UkDate(now), AtRiskWorkingDays);
        return open.Any(a => a.DueDate <= horizon) ? Rag.Amber : Rag.Green;
    }
}

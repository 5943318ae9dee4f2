using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Summaries;

namespace Maca.Orchestrations.Reading;

/// <summary>
/// The board's annual report of what it learned, for the audits started in one year: the audits run, the key learning,
/// the themes that recur across all audits so far, how many actions were completed and how many on time, and the themes
/// that came back after their actions were verified. Written with the same sections as the learning summary.
/// </summary>
public static class AnnualReport
{
    public static LearningSummaryDocument For(int year, IReadOnlyList<CycleState> allCycles)
    {
        var cycles = allCycles.Where(c => WorkingCalendarYear(c.CreatedAt) == year).OrderBy(c => c.CreatedAt).ToList();
        var themesThisYear = RecurringLearning.Of(cycles);
        var themesSoFar = RecurringLearning.Of(allCycles.Where(c => WorkingCalendarYear(c.CreatedAt) <= year));
        var actions = cycles.SelectMany(c => c.Actions.Values).ToList();
        var done = actions.Where(a => a.Status is ActionStatus.Completed or ActionStatus.Verified).ToList();
        var onTime = done.Count(a => a.CompletedAt is { } at && at <= a.DueAt);

        var sections = new List<SummarySection>
        {
            new("The audits run", cycles.Count == 0 ? [SummaryBlock.Para($"No audits were started in {year}.")] :
            [
                SummaryBlock.Para($"{cycles.Count} multi-agency case audit{(cycles.Count == 1 ? " was" : "s were")} started in {year}, looking at {cycles.Sum(c => c.Cases.Count)} cases."),
                SummaryBlock.List(cycles.Select(c => $"{c.Theme}: {(c.AuditType == AuditType.InDepth ? "in-depth" : "desktop")}, {c.Cases.Count} cases, {Words(c.Phase)}.")),
            ]),
            new("Key learning", themesThisYear.Count == 0 ? [SummaryBlock.Para("No findings were recorded.")]
                : [SummaryBlock.List(themesThisYear.Select(t => $"{t.Name}: {t.FindingCount} finding{(t.FindingCount == 1 ? "" : "s")} in {t.CycleCount} audit{(t.CycleCount == 1 ? "" : "s")}."))]),
            new("Themes that recur", themesSoFar.Where(t => t.Recurs).ToList() is { Count: > 0 } recurring
                ? [SummaryBlock.List(recurring.Select(t => $"{t.Name}: raised in {t.CycleCount} audits."))]
                : [SummaryBlock.Para("No theme has yet been raised in more than one audit.")]),
            new("Were the actions done?", actions.Count == 0 ? [SummaryBlock.Para("No actions were agreed.")] :
            [
                SummaryBlock.Para($"{done.Count} of {actions.Count} actions ({Percent(done.Count, actions.Count)}) were completed; " +
                    $"{onTime} of the {done.Count} completed ({Percent(onTime, done.Count)}) by their due date."),
            ]),
            new("Did learning come back after the actions were done?", themesSoFar.Where(t => t.CameBackAfterActionsVerified).ToList() is { Count: > 0 } back
                ? [SummaryBlock.Para("These themes were raised again in an audit that started after an earlier audit's actions were all verified:"),
                   SummaryBlock.List(back.Select(t => t.Name))]
                : [SummaryBlock.Para("No theme has come back after its actions were verified.")]),
        };
        return new LearningSummaryDocument($"What we learned from case audits in {year}", $"Annual report of the audits started in {year}", sections);
    }

    private static int WorkingCalendarYear(DateTimeOffset at) => Calendar.WorkingCalendar.UkDate(at).Year;

    private static string Percent(int part, int whole) => whole == 0 ? "none" : $"{Math.Round(100.0 * part / whole)}%";

    private static string Words(CyclePhase phase) => phase switch
    {
        CyclePhase.Closed => "closed",
        CyclePhase.Terminated => "stopped",
        _ => "still running",
    };
}

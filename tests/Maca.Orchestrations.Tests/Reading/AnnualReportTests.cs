using System.Collections.Immutable;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Reading;
using Maca.Orchestrations.Summaries;
using Maca.Orchestrations.Tests.Support;
using static Maca.Orchestrations.Tests.Support.TestCalendar;

namespace Maca.Orchestrations.Tests.Reading;

/// <summary>The annual report: the audits of a year, the key learning, what recurs, actions done and on time, what came back.</summary>
public sealed class AnnualReportTests
{
    private static IEnumerable<string> Text(LearningSummaryDocument report, string section) =>
        report.Sections.Single(s => s.Heading == section).Blocks.SelectMany(b => b.Items ?? [b.Text]);

    [Fact]
    public void AYearsReportCountsItsAuditsLearningAndActionsAndWhatCameBack()
    {
        var first = Phases.PlanAgreed()
            .Do(new CompleteAction("A1", "CSC"), Uk(2027, 2, 1)).Do(new VerifyAction("A1"), Uk(2027, 2, 2))
            .Do(new CompleteAction("A2", "HEA"), Uk(2027, 4, 6)).Do(new VerifyAction("A2"), Uk(2027, 4, 7)).State;
        var later = first with
        {
            CycleId = "c-2", CreatedAt = Uk(2027, 11, 1), Phase = CyclePhase.RecordingFindings, Actions = [],
            Findings = first.Findings.Where(f => f.Key == "MACA-1").ToImmutableDictionary(),
        };

        var report2026 = AnnualReport.For(2026, [first, later]);
        Assert.Equal("What we learned from case audits in 2026", report2026.Title);
        Assert.Contains("Self harm: in-depth, 2 cases, closed.", Text(report2026, "The audits run"));
        Assert.Contains("2 of 2 actions (100%) were completed; 1 of the 2 completed (50%) by their due date.", Text(report2026, "Were the actions done?"));
        Assert.Contains("No theme has yet been raised in more than one audit.", Text(report2026, "Themes that recur"));

        var report2027 = AnnualReport.For(2027, [first, later]);
        Assert.Contains("Voice of the child: raised in 2 audits.", Text(report2027, "Themes that recur"));
        Assert.Contains("Voice of the child", Text(report2027, "Did learning come back after the actions were done?"));
        Assert.Contains("No actions were agreed.", Text(report2027, "Were the actions done?"));
    }
}

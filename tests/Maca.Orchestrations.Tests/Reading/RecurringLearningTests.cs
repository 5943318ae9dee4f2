using System.Collections.Immutable;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Reading;
using Maca.Orchestrations.Tests.Support;
using static Maca.Orchestrations.Tests.Support.TestCalendar;

namespace Maca.Orchestrations.Tests.Reading;

/// <summary>Learning themes counted across cycles: what recurs, where, and whether it came back after its actions were done.</summary>
public sealed class RecurringLearningTests
{
    /// <summary>The default cycle, closed with both actions verified: it raised VOC (MACA-1), FAM and CUR (MACA-2).</summary>
    private static CycleState ClosedAndVerified() => Phases.PlanAgreed()
        .Do(new CompleteAction("A1", "CSC"), Uk(2027, 2, 1)).Do(new VerifyAction("A1"), Uk(2027, 2, 2))
        .Do(new CompleteAction("A2", "HEA"), Uk(2027, 2, 3)).Do(new VerifyAction("A2"), Uk(2027, 2, 4)).State;

    [Fact]
    public void AThemeRaisedInTwoCyclesRecursAndRanksFirstWithItsYearsAgenciesAndActions()
    {
        var first = ClosedAndVerified();
        Assert.Equal(CyclePhase.Closed, first.Phase);
        // A year later, another audit finds the child's voice missing again, in one case only.
        var later = first with
        {
            CycleId = "c-2", CreatedAt = first.CreatedAt.AddYears(1), Phase = CyclePhase.RecordingFindings,
            Findings = first.Findings.Where(f => f.Key == "MACA-1").ToImmutableDictionary(), Actions = [],
        };

        var themes = RecurringLearning.Of([later, first]);

        var voice = themes[0];
        Assert.Equal(("VOC", "Voice of the child", 2, true), (voice.Code, voice.Name, voice.CycleCount, voice.Recurs));
        Assert.Equal(["c-1", "c-2"], voice.Cycles.Select(c => c.CycleId));
        Assert.Equal(new Dictionary<int, int> { [2026] = 1, [2027] = 1 }, voice.FindingsPerYear);
        Assert.Equal(["CSC", "POL"], voice.Agencies);
        Assert.Equal((2, 2), (voice.ActionsAgreed, voice.ActionsDone));
        Assert.True(voice.CameBackAfterActionsVerified);

        Assert.Equal(["Voice of the child", "Fathers and wider family", "Professional curiosity"], themes.Select(t => t.Name));
        Assert.All(themes.Skip(1), t => Assert.False(t.Recurs || t.CameBackAfterActionsVerified));
    }

    [Fact]
    public void AThemeRaisedAgainBeforeTheEarlierActionsWereDoneHasNotComeBack()
    {
        var open = Phases.PlanAgreed().State;
        var later = open with { CycleId = "c-2", CreatedAt = open.CreatedAt.AddMonths(6), Actions = [] };
        Assert.False(RecurringLearning.Of([open, later]).Single(t => t.Code == "VOC").CameBackAfterActionsVerified);
    }
}

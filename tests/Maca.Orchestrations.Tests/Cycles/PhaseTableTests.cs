using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Tests.Support;

namespace Maca.Orchestrations.Tests.Cycles;

/// <summary>The decider's table: which command is legal in which phase, said in one place.</summary>
public sealed class PhaseTableTests
{
    private static readonly DateTimeOffset Later = Cycle.Start.AddHours(5);

    public static TheoryData<string, CycleCommand> OutOfPhase => new()
    {
        { "nominate a case", Cycle.Nomination("CSC", "MACA-9") },
        { "propose meeting slots", new ProposeMeetingSlots([Phases.Early, Phases.Late], "Room 4") },
        { "record findings", new RecordCaseFindings("MACA-1", ["A strength"], [], new Dictionary<string, Orchestrations.Submissions.Grade>()) },
        { "publish the summary", new PublishSummary() },
        { "verify an action", new VerifyAction("A1") },
        { "upload evidence", Cycle.Upload("CSC", DocumentKind.Evidence, "doc-e") },
    };

    [Theory]
    [MemberData(nameof(OutOfPhase))]
    public void ACommandOutsideItsPhaseIsRefusedAsTheWrongPhaseInPlainWords(string words, CycleCommand command)
    {
        var rejection = Spec.Given(Cycle.Selected().History).When(command, Later).ThenRejected(RejectionKind.WrongPhase);
        Assert.Equal($"You cannot {words} while the cycle is in the AwaitingSubmissions phase.", rejection.Message);
    }

    [Fact]
    public void TheSameSubmissionAgainAfterThePhaseMovedOnChangesNothing()
    {
        var cycle = Phases.AwaitingMeeting();
        var last = new SubmitAuditTool("POL", "MACA-1", Cycle.Chronology("POL"), Cycle.FullAnswers(cycle.State));
        Spec.Given(cycle.History).When(last, Phases.SubmittedAt.AddHours(1)).ThenNothing();
    }

    [Fact]
    public void AFinishedCycleRefusesEverythingButTheRecordOfADownload()
    {
        var stopped = Cycle.Selected().Do(new TerminateCycle("Stopped for the test"), Later);
        Spec.Given(stopped.History).When(new ResumeCycle(), Later).ThenRejected(RejectionKind.WrongPhase);
        Spec.Given(stopped.History).When(new RecordDocumentDownload(Cycle.Chronology("CSC")), Later)
            .Then(new DocumentDownloaded(Cycle.Chronology("CSC"), "CSC", "CSC chronology.pdf") { At = Later });
    }

    [Fact]
    public void APausedCycleAcceptsOnlyResumingStoppingAndTheClock()
    {
        var paused = Cycle.Selected().Do(new SuspendCycle("Waiting for the board"), Later);
        var rejection = Spec.Given(paused.History).When(new DeclareNotKnown("HEA", "MACA-2", "Searched"), Later).ThenRejected(RejectionKind.WrongPhase);
        Assert.Equal("The cycle is suspended. Resume it first.", rejection.Message);
        Spec.Given(paused.History).When(new ResumeCycle(), Later).Then(new CycleResumed { At = Later });
    }

    [Fact]
    public void ACaseInTheCycleButOutsideTheAgencysScopeIsSaidExactly()
    {
        var rejection = Spec.Given(Cycle.Selected().History).When(new DeclareNotKnown("POL", "MACA-2", "Searched"), Later)
            .ThenRejected(RejectionKind.NotFound);
        Assert.Equal("Case MACA-2 is in the cycle but not in POL's scope.", rejection.Message);
    }

    [Fact]
    public void ACaseNotInTheCycleAtAllIsSaidToBeNotPartOfIt() =>
        Assert.Equal("Case MACA-7 is not part of this cycle.", Spec.Given(Cycle.Selected().History)
            .When(new DeclareNotKnown("POL", "MACA-7", "Searched"), Later).ThenRejected(RejectionKind.NotFound).Message);

    [Fact]
    public void ABlankCaseReferenceIsSaidToBeMissing() =>
        Assert.Equal("The case reference is missing.", Spec.Given(Cycle.Selected().History)
            .When(new DeclareNotKnown("POL", " ", "Searched"), Later).ThenRejected(RejectionKind.InvalidInput, "caseRef").Message);
}

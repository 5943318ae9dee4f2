using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Tests.Support;

namespace Maca.Orchestrations.Tests.Documents;

public sealed class CaseDocumentTests
{
    private static readonly DateTimeOffset Later = Cycle.Start.AddHours(5);

    [Fact]
    public void AChronologyUploadedWhileSubmissionsAreOpenIsAttachedToItsAgency() =>
        Spec.Given(Cycle.Selected().History).When(Cycle.Upload("POL", id: "doc-new"), Later)
            .Then(new DocumentAttached(new CaseDocument("doc-new", "POL", DocumentKind.Chronology, "POL chronology.pdf", new string('a', 64), 1024))
                { At = Later });

    [Fact]
    public void AChronologyCannotBeUploadedBeforeTheCasesAreChosen() =>
        Spec.Given(Cycle.Started().History).When(Cycle.Upload("POL"), Later).ThenRejected(RejectionKind.WrongPhase);

    [Fact]
    public void EvidenceBelongsToTheActionFollowUpNotToSubmissions() =>
        Spec.Given(Cycle.Selected().History).When(Cycle.Upload("POL", DocumentKind.Evidence, "doc-e"), Later)
            .ThenRejected(RejectionKind.WrongPhase);

    [Fact]
    public void AFileWithoutAProperHashIsRefused() =>
        Spec.Given(Cycle.Selected().History).When(Cycle.Upload("POL", id: "doc-x") with { Sha256 = "not-a-hash" }, Later)
            .ThenRejected(RejectionKind.InvalidInput, "sha256");

    [Fact]
    public void ASubmissionCannotPointAtAnotherAgencysChronology()
    {
        var cycle = Cycle.Selected();
        Spec.Given(cycle.History).When(new SubmitAuditTool("POL", "MACA-1", Cycle.Chronology("CSC"), Cycle.FullAnswers(cycle.State)), Later)
            .ThenRejected(RejectionKind.InvalidInput, "chronologyRef");
    }

    [Fact]
    public void ASubmissionCannotPointAtAFileThatWasNeverUploaded()
    {
        var cycle = Cycle.Selected();
        Spec.Given(cycle.History).When(new SubmitAuditTool("POL", "MACA-1", "blob/anything.pdf", Cycle.FullAnswers(cycle.State)), Later)
            .ThenRejected(RejectionKind.InvalidInput, "chronologyRef");
    }

    [Fact]
    public void ADraftKeepsItsAnswersSoTheAgencyCanComeBackToThem()
    {
        var cycle = Cycle.Selected();
        var answers = Cycle.FullAnswers(cycle.State).Take(2).ToList();
        var after = Spec.Given(cycle.History).When(new SaveSubmissionDraft("POL", "MACA-1", answers, Cycle.Chronology("POL")), Later).StateAfter;
        Assert.Equal(answers, after.Submissions["POL|MACA-1"].Answers);
        Assert.Equal(Cycle.Chronology("POL"), after.Submissions["POL|MACA-1"].ChronologyRef);
    }

    [Fact]
    public void EveryDownloadIsRecordedWithTheFileAndItsAgency() =>
        Spec.Given(Cycle.Selected().History).When(new RecordDocumentDownload(Cycle.Chronology("HEA")), Later)
            .Then(DownloadRecorded("HEA"));

    [Fact]
    public void ADownloadIsRecordedEvenAfterTheCycleHasEnded()
    {
        var cycle = Cycle.Selected().Do(new TerminateCycle("Stopped for the test"), Later);
        Spec.Given(cycle.History).When(new RecordDocumentDownload(Cycle.Chronology("CSC")), Later).Then(DownloadRecorded("CSC"));
    }

    [Fact]
    public void ADownloadOfAnUnknownFileIsNotFound() =>
        Spec.Given(Cycle.Selected().History).When(new RecordDocumentDownload("doc-nope"), Later).ThenRejected(RejectionKind.NotFound);

    private static DocumentDownloaded DownloadRecorded(string agency) =>
        new(Cycle.Chronology(agency), agency, $"{agency} chronology.pdf") { At = Later };

    [Fact]
    public void FilesAreRemovedUnderRetentionOnlyOnceTheCycleHasFinished()
    {
        var cycle = Cycle.Selected();
        Spec.Given(cycle.History).When(new RecordDocumentsPurged(730), Later).ThenRejected(RejectionKind.WrongPhase);
        cycle.Do(new TerminateCycle("Stopped by the board"), Later);
        var purge = Spec.Given(cycle.History).When(new RecordDocumentsPurged(730), Later.AddDays(731));
        // Three chronologies of 1,024 bytes each; the history keeps the counts and every finding, not the files.
        Assert.Equal(new DocumentsPurged(3, 3 * 1024, 730) { At = Later.AddDays(731) }, purge.Single<DocumentsPurged>());
        cycle.Do(new RecordDocumentsPurged(730), Later.AddDays(731));
        Spec.Given(cycle.History).When(new RecordDocumentsPurged(730), Later.AddDays(732)).ThenNothing();
        Spec.Given(cycle.History).When(new RecordDocumentDownload(Cycle.Chronology("POL")), Later.AddDays(732))
            .ThenRejected(RejectionKind.RuleBroken);
        Assert.Equal(Later, cycle.State.FinishedAt);
    }
}

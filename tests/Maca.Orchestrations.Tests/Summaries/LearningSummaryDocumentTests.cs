using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Summaries;
using Maca.Orchestrations.Tests.Support;

namespace Maca.Orchestrations.Tests.Summaries;

/// <summary>The learning summary built from what the cycle holds, and the identifier check over its whole text.</summary>
public sealed class LearningSummaryDocumentTests
{
    private static readonly DateTimeOffset At = Phases.HeldAt.AddDays(1);

    private static CycleState Drafted(LearningSummaryContent content) =>
        CycleEvolver.Fold([.. Phases.FindingsRecorded().History, new LearningSummaryDrafted(content) { At = At }]);

    [Fact]
    public void TheSectionsFollowTheBriefingCoordinatorsWrite()
    {
        var document = LearningSummaryDocument.From(Drafted(Phases.Summary));
        Assert.Equal(["The theme and why it was chosen", "How the audit was done", "Strengths", "Findings", "Recommendations",
            "Good practice and resources", "Questions to ask yourself"], document.Sections.Select(s => s.Heading));
        var how = document.Sections[1].Blocks.SelectMany(b => b.Items ?? [b.Text]).ToList();
        Assert.Contains("1 of 2 cases was in scope for Agency POL.", how);
        Assert.Contains("2 of 2 cases were in scope for Agency CSC.", how);
        var findings = document.Sections[3].Blocks;
        Assert.Equal(["Case MACA-1", "Case MACA-2"], findings.Where(b => b.Kind == BlockKind.Subheading).Select(b => b.Text));
        Assert.Contains("Fathers and wider family", string.Join(" ", findings.SelectMany(b => b.Items ?? [])));
        Assert.Equal(["Training and awareness", "Recording of information"],
            document.Sections[4].Blocks.Where(b => b.Kind == BlockKind.Subheading).Select(b => b.Text));
    }

    [Fact]
    public void EveryIdentifierShapeIsReportedWithItsSectionAndAPseudonymousReferenceIsNot()
    {
        var content = Phases.Summary with
        {
            GoodPractice = "The nurse quoted 943 476 5919 in the referral.",
            Resources = "Drop-in at the centre, SW1A 1AA.",
            ReflectiveQuestions = ["Did anyone check the child born 03/04/2019?", "What did SH-2026-03 tell us?"],
            Process = "Reviewed with Jordan Example present.",
        };
        var hits = SummaryScreen.Hits(LearningSummaryDocument.From(Drafted(content)), ["Jordan Example"]);
        Assert.Equal(["How the audit was done", "Good practice and resources", "Good practice and resources", "Questions to ask yourself"],
            hits.Select(h => h.Section));
        Assert.DoesNotContain(hits, h => h.Excerpt.Contains("SH-2026-03"));
    }

    [Fact]
    public void ApprovalIsBlockedUntilEveryHitIsResolved()
    {
        var bad = Phases.Summary with { GoodPractice = "The nurse quoted 943 476 5919 in the referral." };
        var history = new List<CycleEvent>(Phases.FindingsRecorded().History)
        {
            new LearningSummaryDrafted(bad) { At = At }, new LearningSummarySubmittedForReview { At = At },
        };
        var rejection = Spec.Given(history).When(new ApproveSummary(), At).ThenRejected(RejectionKind.RuleBroken);
        Assert.StartsWith("The summary may still identify someone. Resolve each before approving: Good practice and resources:", rejection.Message);

        history.Add(new LearningSummaryReturned("Remove the NHS number") { At = At });
        history.Add(new LearningSummaryDrafted(Phases.Summary) { At = At });
        history.Add(new LearningSummarySubmittedForReview { At = At });
        Spec.Given(history).When(new ApproveSummary(), At).Then(new LearningSummaryApproved { At = At });
    }

    [Fact]
    public void EachStoredVersionIsRecordedOnceAndInOrder()
    {
        var history = Phases.SummaryPublished().History;
        var hash = new string('b', 64);
        Spec.Given(history).When(new StoreSummaryVersion(1, hash, hash, 2048), At).Then(new LearningSummaryVersionStored(1, hash, hash, 2048) { At = At });
        Spec.Given(history).When(new StoreSummaryVersion(2, hash, hash, 2048), At).ThenRejected(RejectionKind.InvalidInput, "version");
    }
}

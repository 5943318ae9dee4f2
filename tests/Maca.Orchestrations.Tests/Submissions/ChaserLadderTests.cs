using Maca.Orchestrations.Submissions;
using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Notifications;
using Maca.Orchestrations.Tests.Support;
using static Maca.Orchestrations.Tests.Support.TestCalendar;

namespace Maca.Orchestrations.Tests.Submissions;

public sealed class ChaserLadderTests
{
    // Selected on Monday 23 November 2026: the deadline is 20 working days on, Monday 21 December at 17:00.
    private static readonly DateTimeOffset Deadline = Uk(2026, 12, 21, 17);

    private static List<Notification> Sent(Spec spec) => spec.Events.OfType<NotificationQueued>().Select(n => n.Notification).ToList();

    [Fact]
    public void SelectionSendsEachAgencyOneRequestListingOnlyItsOwnCases()
    {
        var selected = Cycle.Selected();
        Assert.Equal(Deadline, selected.State.SubmissionDeadline);
        var requests = selected.History.OfType<NotificationQueued>().Select(n => n.Notification)
            .Where(n => n.Kind == NotificationKind.SubmissionRequest).ToList();
        Assert.Equal([("CSC", "MACA-1,MACA-2"), ("HEA", "MACA-2"), ("POL", "MACA-1")],
            requests.Select(n => (n.AgencyCode!, string.Join(',', n.CaseRefs!))));
        Assert.All(requests, n => Assert.Equal(Deadline, n.DueAt));
    }

    [Fact]
    public void TheLadderIsLaidAt0900OnWorkingDaysAroundTheDeadline()
    {
        var steps = Cycle.Selected().State.Schedule.Where(s => s.AgencyCode == "POL").OrderBy(s => s.DueAt).ToList();
        Assert.Equal(
        [
            (Uk(2026, 12, 14), ChaserKind.Reminder), (Uk(2026, 12, 17), ChaserKind.Reminder), (Uk(2026, 12, 21), ChaserKind.DueToday),
            (Uk(2026, 12, 22), ChaserKind.Overdue), (Uk(2026, 12, 24), ChaserKind.Escalation),
        ], steps.Select(s => (s.DueAt, s.Chaser!.Value)));
    }

    [Theory]
    [InlineData(12, 14, NotificationKind.SubmissionReminder, "lead@pol.example", "")]
    [InlineData(12, 17, NotificationKind.SubmissionReminder, "lead@pol.example", "")]
    [InlineData(12, 21, NotificationKind.SubmissionDueToday, "lead@pol.example", "")]
    [InlineData(12, 22, NotificationKind.SubmissionOverdue, "lead@pol.example", "qa@pol.example")]
    [InlineData(12, 24, NotificationKind.SubmissionEscalation, "senior@pol.example,manager@partnership.example", "")]
    public void EachRungSendsItsOwnEmailToItsOwnPeople(int month, int day, NotificationKind kind, string to, string cc)
    {
        var cycle = Cycle.Selected();
        foreach (var key in cycle.State.Submissions.Keys.Where(k => !k.StartsWith("POL")).Order().ToList())
            cycle.Do(new SubmitAuditTool(key.Split('|')[0], key.Split('|')[1], Cycle.Chronology(key.Split('|')[0]), Cycle.FullAnswers(cycle.State)), Cycle.Start.AddHours(5));
        var dayBefore = Uk(2026, month, day).AddDays(-1);
        cycle.Do(new Tick(), dayBefore); // everything earlier has gone already

        var spec = Spec.Given(cycle.History).When(new Tick(), Uk(2026, month, day));

        var sent = Assert.Single(Sent(spec));
        Assert.Equal(kind, sent.Kind);
        Assert.Equal(to, string.Join(',', sent.To));
        Assert.Equal(cc, string.Join(',', sent.Cc));
        Assert.Equal(["MACA-1"], sent.CaseRefs);
    }

    [Fact]
    public void AnAgencyThatHasSubmittedEverythingIsChasedNoMore()
    {
        var cycle = Cycle.Selected();
        var spec = Spec.Given(cycle.History).When(new SubmitAuditTool("POL", "MACA-1", Cycle.Chronology("POL"), Cycle.FullAnswers(cycle.State)), Cycle.Start.AddHours(5));

        var policeRungs = cycle.State.Schedule.Where(x => x.AgencyCode == "POL").Select(x => x.Id).ToList();
        Assert.Equal(5, policeRungs.Count);
        spec.Then(
            new AuditToolSubmitted("POL", "MACA-1", Cycle.Chronology("POL"), Cycle.FullAnswers(cycle.State)) { At = Cycle.Start.AddHours(5) },
            new StepsCancelled(policeRungs, "POL has submitted everything") { At = Cycle.Start.AddHours(5) });
    }

    [Fact]
    public void ANotKnownDeclarationCountsAsTheAgencysAnswer()
    {
        var cycle = Cycle.Selected();
        var at = Cycle.Start.AddHours(5);
        var healthRungs = cycle.State.Schedule.Where(x => x.AgencyCode == "HEA").Select(x => x.Id).ToList();
        Spec.Given(cycle.History).When(new DeclareNotKnown("HEA", "MACA-2", "No record of this child after a full search."), at).Then(
            new NotKnownDeclared("HEA", "MACA-2", "No record of this child after a full search.") { At = at },
            new StepsCancelled(healthRungs, "HEA has submitted everything") { At = at });
    }

    [Fact]
    public void SubmittingWithoutEveryAnswerNamesTheFirstMissingQuestion()
    {
        var cycle = Cycle.Selected();
        var partial = Cycle.FullAnswers(cycle.State).Where(a => a.Question != 4).ToList();
        var rejection = Spec.Given(cycle.History).When(new SubmitAuditTool("POL", "MACA-1", Cycle.Chronology("POL"), partial), Cycle.Start.AddHours(5))
            .ThenRejected(RejectionKind.InvalidInput, "answers.4");
        Assert.Contains("Identity and diversity", rejection.Message);
    }

    [Fact]
    public void ADraftCanBeSavedIncompleteAndTheAgencyIsStillChased()
    {
        var cycle = Cycle.Selected();
        var at = Cycle.Start.AddHours(5);
        AuditAnswer[] answers = [new(2, Maca.Orchestrations.Submissions.Grade.Good, "")];
        // Only the draft: no chaser is cancelled.
        Spec.Given(cycle.History).When(new SaveSubmissionDraft("POL", "MACA-1", answers, null), at)
            .Then(new SubmissionDraftSaved("POL", "MACA-1", answers, null) { At = at });
    }

    [Fact]
    public void TheLastSubmissionClosesThePhaseAndAnInDepthAuditMovesToTheMeeting()
    {
        var state = Cycle.Selected().SubmitAll(Cycle.Start.AddHours(5)).State;
        Assert.Equal(CyclePhase.SchedulingMeeting, state.Phase);
        Assert.Empty(state.Schedule);
    }

    [Fact]
    public void ADesktopAuditSkipsTheMeetingAndGoesStraightToFindings() =>
        Assert.Equal(CyclePhase.RecordingFindings, Cycle.Selected(AuditType.Desktop).SubmitAll(Cycle.Start.AddHours(5)).State.Phase);

    [Fact]
    public void ProceedingWithoutMissingSubmissionsRecordsWhatIsMissing()
    {
        var cycle = Cycle.Selected();
        cycle.Do(new SubmitAuditTool("CSC", "MACA-1", Cycle.Chronology("CSC"), Cycle.FullAnswers(cycle.State)), Cycle.Start.AddHours(5));
        var at = Uk(2026, 12, 23);
        var everyRung = cycle.State.Schedule.Select(x => x.Id).ToList();
        Spec.Given(cycle.History).When(new ProceedWithoutMissing(), at).Then(
            new StepsCancelled(everyRung, "coordinator proceeded") { At = at },
            new SubmissionsClosed([new("CSC", "MACA-2"), new("HEA", "MACA-2"), new("POL", "MACA-1")]) { At = at });
    }
}

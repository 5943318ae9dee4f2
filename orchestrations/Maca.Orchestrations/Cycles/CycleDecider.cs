using Maca.Orchestrations.Actions;
using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Documents;
using Maca.Orchestrations.Findings;
using Maca.Orchestrations.Meetings;
using Maca.Orchestrations.Nominations;
using Maca.Orchestrations.Submissions;
using Maca.Orchestrations.Summaries;
using static Maca.Orchestrations.Cycles.CyclePhase;

namespace Maca.Orchestrations.Cycles;

/// <summary>
/// The audit cycle's rules: Decide(command, state, now) → events or a rejection. The table below says which command is
/// legal in which phase and which feature's rules decide it; a pair not in the table is refused as the wrong phase,
/// here and nowhere else. No I/O and no clock: time is passed in.
/// </summary>
public sealed class CycleDecider
{
    private readonly LifecycleRules _lifecycle;
    private readonly NominationRules _nominations;
    private readonly SubmissionRules _submissions;
    private readonly MeetingRules _meetings;
    private readonly ActionRules _actions;
    private readonly StepRules _steps;

    public CycleDecider(WorkingCalendar calendar)
    {
        Calendar = calendar;
        var chasers = new Chasers(calendar);
        _nominations = new NominationRules(calendar, chasers);
        _lifecycle = new LifecycleRules(calendar, _nominations);
        _submissions = new SubmissionRules(calendar, chasers);
        _meetings = new MeetingRules(calendar, chasers);
        _actions = new ActionRules(calendar, chasers);
        _steps = new StepRules(_nominations, _meetings);
    }

    public WorkingCalendar Calendar { get; }

    public Decision Decide(CycleCommand command, CycleState state, DateTimeOffset now)
    {
        var decision = Route(command, state, now);
        return decision.IsRejected ? decision : decision with { Events = decision.Events.Select(e => e with { At = now }).ToList() };
    }

    private Decision Route(CycleCommand command, CycleState s, DateTimeOffset now) => (command, s.Phase) switch
    {
        // Lifecycle: what holds in every phase.
        (StartCycle c, _) => _lifecycle.Start(c, s, now),
        (_, NotStarted) => Rejection.Missing("This cycle"),
        (TerminateCycle c, _) => LifecycleRules.Terminate(c, s),
        (RecordDocumentDownload c, _) => DocumentRules.RecordDownload(c, s),
        (StoreSummaryVersion c, _) when s.SummaryContent is not null => SummaryRules.StoreVersion(c, s),
        (RecordSummaryDownload c, _) => SummaryRules.RecordDownload(c, s),
        (RecordDocumentsPurged c, Closed or Terminated) => DocumentRules.Purged(c, s),
        (_, Closed or Terminated) => Rejection.Phase(s.Phase, "change anything"),
        (SuspendCycle c, _) => LifecycleRules.Suspend(c, s),
        (ResumeCycle, _) => LifecycleRules.Resume(s),
        _ when s.Suspended => new Rejection(RejectionKind.WrongPhase, "The cycle is suspended. Resume it first."),
        (Tick t, _) => _steps.FireDue(t, s, now),

        // A command repeated after it took effect changes nothing, whatever the phase is now.
        (SubmitAuditTool c, _) when SubmissionRules.AlreadySubmitted(c, s) => Decision.NoOp,
        (DeclareNotKnown c, _) when SubmissionRules.AlreadyNotKnown(c, s) => Decision.NoOp,
        (AttachDocument c, _) when DocumentRules.Known(c, s) => DocumentRules.Again(c, s),
        (BookMeeting c, _) when MeetingRules.AlreadyBooked(c, s) => Decision.NoOp,
        (PublishSummary, _) when SummaryRules.AlreadyPublished(s) => Decision.NoOp,
        (OpenNominations, Nominating) or (CloseNominations, Selecting) or (CompleteFindings, DraftingSummary)
            or (AgreeActionPlan, FollowingUpActions) => Decision.NoOp,

        (OpenNominations, Planned) => Decision.Accept(_nominations.Open(s, now)),
        (NominateCase c, Nominating) => NominationRules.Nominate(c, s),
        (WithdrawNomination c, Nominating) => NominationRules.Withdraw(c, s),
        (CloseNominations, Nominating) => Decision.Accept(NominationRules.Close(s)),
        (SelectCases c, Selecting) => _nominations.Select(c, s, now),

        (AttachDocument { Kind: DocumentKind.Chronology } c, AwaitingSubmissions) => DocumentRules.Attach(c, s),
        (SaveSubmissionDraft c, AwaitingSubmissions) => SubmissionRules.SaveDraft(c, s),
        (SubmitAuditTool c, AwaitingSubmissions) => SubmissionRules.Submit(c, s),
        (DeclareNotKnown c, AwaitingSubmissions) => SubmissionRules.DeclareNotKnown(c, s),
        (RequestExtension c, AwaitingSubmissions) => _submissions.RequestExtension(c, s),
        (GrantExtension c, AwaitingSubmissions) => _submissions.GrantExtension(c, s, now),
        (RefuseExtension c, AwaitingSubmissions) => SubmissionRules.RefuseExtension(c, s),
        (ProceedWithoutMissing, AwaitingSubmissions) => SubmissionRules.CloseNow(s),

        (ProposeMeetingSlots c, SchedulingMeeting) => _meetings.ProposeSlots(c, s, now),
        (GiveAvailability c, SchedulingMeeting) when MeetingRules.PollOpen(s) => _meetings.GiveAvailability(c, s, now),
        (BookMeeting c, SchedulingMeeting) when MeetingRules.PollOpen(s) => _meetings.Book(c, s, now),
        (RescheduleMeeting c, CyclePhase.MeetingBooked) => _meetings.Reschedule(c, s, now),
        (CancelMeeting c, CyclePhase.MeetingBooked) => MeetingRules.CallOff(c, s),
        (RecordMeetingHeld, CyclePhase.MeetingBooked) => MeetingRules.Held(s, now),

        (RecordCaseFindings c, RecordingFindings) => FindingsRules.Record(c, s),
        (AddRecommendation c, RecordingFindings) => FindingsRules.Recommend(c, s),
        (CompleteFindings, RecordingFindings) => FindingsRules.Complete(s),

        (DraftLearningSummary c, DraftingSummary) => SummaryRules.Draft(c, s),
        (SubmitSummaryForReview, DraftingSummary) => SummaryRules.SendForReview(s),
        (ApproveSummary, DraftingSummary) => SummaryRules.Approve(s),
        (ReturnSummary c, DraftingSummary) => SummaryRules.Return(c, s),
        (PublishSummary c, DraftingSummary) => SummaryRules.Publish(c, s),

        (AddAction c, ActionPlanning or FollowingUpActions) => _actions.Add(c, s, now),
        (AgreeActionPlan, ActionPlanning) => _actions.Agree(s, now),
        (RecordActionProgress c, ActionPlanning or FollowingUpActions) => ActionRules.RecordProgress(c, s),
        (CompleteAction c, ActionPlanning or FollowingUpActions) => ActionRules.Complete(c, s),
        (VerifyAction c, ActionPlanning or FollowingUpActions) => ActionRules.Verify(c, s),
        (ReopenAction c, ActionPlanning or FollowingUpActions) => _actions.Reopen(c, s, now),
        (CarryForwardAction c, ActionPlanning or FollowingUpActions) => ActionRules.CarryForward(c, s),
        (AttachDocument { Kind: DocumentKind.Evidence } c, FollowingUpActions) => DocumentRules.Attach(c, s),

        _ => CommandWords.For(command) is { } words
            ? Rejection.Phase(s.Phase, words)
            : Rejection.Invalid("command", $"{command.GetType().Name} is not a command this cycle understands."),
    };
}

using Maca.Orchestrations.Calendar;

namespace Maca.Orchestrations.Cycles;

/// <summary>
/// The audit cycle's rules: Decide(command, state, now) → events or a rejection.
/// Each phase's rules live in their own partial file beside the feature they belong to.
/// </summary>
public sealed partial class CycleDecider(WorkingCalendar calendar)
{
    public WorkingCalendar Calendar { get; } = calendar;

    public Decision Decide(CycleCommand command, CycleState state, DateTimeOffset now)
    {
        var decision = Route(command, state, now);
        return decision.IsRejected ? decision : decision with { Events = decision.Events.Select(e => e with { At = now }).ToList() };
    }

    private Decision Route(CycleCommand command, CycleState s, DateTimeOffset now)
    {
        if (command is StartCycle start) return Start(start, s, now);
        if (s.Phase == CyclePhase.NotStarted) return Rejection.Missing("This cycle");
        if (command is TerminateCycle terminate) return Terminate(terminate, s);
        if (command is RecordDocumentDownload download) return RecordDownload(download, s);
        if (s.IsFinished) return Rejection.Phase(s.Phase, "change anything");
        if (command is SuspendCycle suspend) return s.Suspended ? Decision.NoOp : Decision.Accept(new CycleSuspended(Required(suspend.Reason)));
        if (command is ResumeCycle) return s.Suspended ? Decision.Accept(new CycleResumed()) : Decision.NoOp;
        if (s.Suspended) return new Rejection(RejectionKind.WrongPhase, "The cycle is suspended. Resume it first.");

        return command switch
        {
            Tick tick => FireDueSteps(tick, s, now),
            OpenNominations => s.Phase == CyclePhase.Planned ? Decision.Accept(OpenNominationsNow(s, now)) : NoOpOr(s, CyclePhase.Nominating, "open nominations"),
            NominateCase c => Nominate(c, s),
            WithdrawNomination c => Withdraw(c, s),
            CloseNominations => s.Phase == CyclePhase.Nominating ? Decision.Accept(CloseNominationsNow(s)) : NoOpOr(s, CyclePhase.Selecting, "close nominations"),
            SelectCases c => Select(c, s, now),
            AttachDocument c => Attach(c, s),
            SaveSubmissionDraft c => SaveDraft(c, s),
            SubmitAuditTool c => Submit(c, s),
            DeclareNotKnown c => DeclareNotKnown(c, s),
            RequestExtension c => RequestExtension(c, s),
            GrantExtension c => GrantExtension(c, s, now),
            RefuseExtension c => RefuseExtension(c, s),
            ProceedWithoutMissing => CloseSubmissionsNow(s),
            ProposeMeetingSlots c => ProposeSlots(c, s, now),
            GiveAvailability c => GiveAvailability(c, s, now),
            BookMeeting c => Book(c, s, now),
            RescheduleMeeting c => Reschedule(c, s, now),
            CancelMeeting c => CancelMeeting(c, s),
            RecordMeetingHeld => MeetingHeld(s, now),
            RecordCaseFindings c => RecordFindings(c, s),
            AddRecommendation c => AddRecommendation(c, s),
            CompleteFindings => FinishFindings(s),
            DraftLearningSummary c => DraftSummary(c, s),
            SubmitSummaryForReview => SubmitForReview(s),
            ApproveSummary => Approve(s),
            ReturnSummary c => ReturnSummary(c, s),
            PublishSummary => Publish(s),
            AddAction c => AddAction(c, s, now),
            AgreeActionPlan => AgreePlan(s, now),
            RecordActionProgress c => RecordProgress(c, s),
            CompleteAction c => CompleteAction(c, s),
            VerifyAction c => VerifyAction(c, s),
            ReopenAction c => ReopenAction(c, s, now),
            CarryForwardAction c => CarryForward(c, s),
            _ => Rejection.Invalid("command", $"{command.GetType().Name} is not a command this cycle understands."),
        };
    }

    private static Decision Terminate(TerminateCycle c, CycleState s) => s.Phase switch
    {
        CyclePhase.Terminated => Decision.NoOp,
        CyclePhase.Closed => Rejection.Phase(s.Phase, "terminate the cycle"),
        _ => Decision.Accept(new CycleTerminated(Required(c.Reason))),
    };

    /// <summary>A command repeated after it took effect is a no-op; anywhere else it is a phase error.</summary>
    private static Decision NoOpOr(CycleState s, CyclePhase alreadyThere, string action) =>
        s.Phase == alreadyThere ? Decision.NoOp : Rejection.Phase(s.Phase, action);

    private static string Required(string? text) => string.IsNullOrWhiteSpace(text) ? "No reason given" : text.Trim();

    /// <summary>Applies events as they are decided, so later rules in the same command see earlier effects.</summary>
    private static CycleState Preview(CycleState s, IEnumerable<CycleEvent> events) => CycleEvolver.Fold(events, s);
}

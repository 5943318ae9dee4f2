namespace Maca.Orchestrations.Cycles;

/// <summary>What each command does, as the end of "You cannot … while the cycle is in the X phase."</summary>
public static class CommandWords
{
    private static readonly Dictionary<Type, string> Words = new()
    {
        [typeof(OpenNominations)] = "open nominations", [typeof(NominateCase)] = "nominate a case",
        [typeof(WithdrawNomination)] = "withdraw a nomination", [typeof(CloseNominations)] = "close nominations",
        [typeof(SelectCases)] = "select cases", [typeof(SaveSubmissionDraft)] = "save a draft", [typeof(SubmitAuditTool)] = "submit",
        [typeof(DeclareNotKnown)] = "declare a case not known", [typeof(RequestExtension)] = "ask for an extension",
        [typeof(GrantExtension)] = "grant an extension", [typeof(RefuseExtension)] = "refuse an extension",
        [typeof(ProceedWithoutMissing)] = "close submissions", [typeof(ProposeMeetingSlots)] = "propose meeting slots",
        [typeof(GiveAvailability)] = "give availability", [typeof(BookMeeting)] = "book the meeting",
        [typeof(RescheduleMeeting)] = "reschedule the meeting", [typeof(CancelMeeting)] = "cancel the meeting",
        [typeof(RecordMeetingHeld)] = "record the meeting as held", [typeof(RecordCaseFindings)] = "record findings",
        [typeof(AddRecommendation)] = "add a recommendation", [typeof(CompleteFindings)] = "complete the findings",
        [typeof(DraftLearningSummary)] = "draft the learning summary", [typeof(SubmitSummaryForReview)] = "send the summary for review",
        [typeof(ApproveSummary)] = "approve the summary", [typeof(ReturnSummary)] = "return the summary",
        [typeof(PublishSummary)] = "publish the summary", [typeof(StoreSummaryVersion)] = "store a version of the summary",
        [typeof(RecordSummaryDownload)] = "download the summary", [typeof(RecordDocumentsPurged)] = "remove the cycle's files",
        [typeof(AddAction)] = "add an action",
        [typeof(AgreeActionPlan)] = "agree the action plan", [typeof(RecordActionProgress)] = "record progress",
        [typeof(CompleteAction)] = "complete an action", [typeof(VerifyAction)] = "verify an action",
        [typeof(ReopenAction)] = "reopen an action", [typeof(CarryForwardAction)] = "carry an action forward",
    };

    /// <summary>Null for a command the cycle does not know at all.</summary>
    public static string? For(CycleCommand command) => command switch
    {
        AttachDocument { Kind: DocumentKind.Chronology } => "upload a chronology",
        AttachDocument => "upload evidence",
        _ => Words.GetValueOrDefault(command.GetType()),
    };
}

using System.Text.Json.Serialization;
using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Nominations;
using Maca.Orchestrations.Submissions;

namespace Maca.Orchestrations.Cycles;

/// <summary>
/// What someone (or the clock) asks the cycle to do. Time is passed to Decide, never read. Named by its type in
/// JSON, so a command can travel to the cycle's orchestrator as an event and be read back as itself.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "command")]
[JsonDerivedType(typeof(StartCycle), nameof(StartCycle))]
[JsonDerivedType(typeof(SuspendCycle), nameof(SuspendCycle))]
[JsonDerivedType(typeof(ResumeCycle), nameof(ResumeCycle))]
[JsonDerivedType(typeof(TerminateCycle), nameof(TerminateCycle))]
[JsonDerivedType(typeof(Tick), nameof(Tick))]
[JsonDerivedType(typeof(OpenNominations), nameof(OpenNominations))]
[JsonDerivedType(typeof(NominateCase), nameof(NominateCase))]
[JsonDerivedType(typeof(WithdrawNomination), nameof(WithdrawNomination))]
[JsonDerivedType(typeof(CloseNominations), nameof(CloseNominations))]
[JsonDerivedType(typeof(SelectCases), nameof(SelectCases))]
[JsonDerivedType(typeof(AttachDocument), nameof(AttachDocument))]
[JsonDerivedType(typeof(RecordDocumentDownload), nameof(RecordDocumentDownload))]
[JsonDerivedType(typeof(SaveSubmissionDraft), nameof(SaveSubmissionDraft))]
[JsonDerivedType(typeof(SubmitAuditTool), nameof(SubmitAuditTool))]
[JsonDerivedType(typeof(DeclareNotKnown), nameof(DeclareNotKnown))]
[JsonDerivedType(typeof(RequestExtension), nameof(RequestExtension))]
[JsonDerivedType(typeof(GrantExtension), nameof(GrantExtension))]
[JsonDerivedType(typeof(RefuseExtension), nameof(RefuseExtension))]
[JsonDerivedType(typeof(ProceedWithoutMissing), nameof(ProceedWithoutMissing))]
[JsonDerivedType(typeof(ProposeMeetingSlots), nameof(ProposeMeetingSlots))]
[JsonDerivedType(typeof(GiveAvailability), nameof(GiveAvailability))]
[JsonDerivedType(typeof(BookMeeting), nameof(BookMeeting))]
[JsonDerivedType(typeof(RescheduleMeeting), nameof(RescheduleMeeting))]
[JsonDerivedType(typeof(CancelMeeting), nameof(CancelMeeting))]
[JsonDerivedType(typeof(RecordMeetingHeld), nameof(RecordMeetingHeld))]
[JsonDerivedType(typeof(RecordCaseFindings), nameof(RecordCaseFindings))]
[JsonDerivedType(typeof(AddRecommendation), nameof(AddRecommendation))]
[JsonDerivedType(typeof(CompleteFindings), nameof(CompleteFindings))]
[JsonDerivedType(typeof(DraftLearningSummary), nameof(DraftLearningSummary))]
[JsonDerivedType(typeof(SubmitSummaryForReview), nameof(SubmitSummaryForReview))]
[JsonDerivedType(typeof(ApproveSummary), nameof(ApproveSummary))]
[JsonDerivedType(typeof(ReturnSummary), nameof(ReturnSummary))]
[JsonDerivedType(typeof(PublishSummary), nameof(PublishSummary))]
[JsonDerivedType(typeof(RecordSummaryDownload), nameof(RecordSummaryDownload))]
[JsonDerivedType(typeof(RecordDocumentsPurged), nameof(RecordDocumentsPurged))]
[JsonDerivedType(typeof(StoreSummaryVersion), nameof(StoreSummaryVersion))]
[JsonDerivedType(typeof(AddAction), nameof(AddAction))]
[JsonDerivedType(typeof(AgreeActionPlan), nameof(AgreeActionPlan))]
[JsonDerivedType(typeof(RecordActionProgress), nameof(RecordActionProgress))]
[JsonDerivedType(typeof(CompleteAction), nameof(CompleteAction))]
[JsonDerivedType(typeof(VerifyAction), nameof(VerifyAction))]
[JsonDerivedType(typeof(ReopenAction), nameof(ReopenAction))]
[JsonDerivedType(typeof(CarryForwardAction), nameof(CarryForwardAction))]
public abstract record CycleCommand;

/// <summary>A command an agency issues for itself; the history names that agency as the actor.</summary>
public interface IAgencyCommand
{
    string AgencyCode { get; }
}

// Lifecycle
public sealed record StartCycle(
    string CycleId, string PartnershipId, string Theme, AuditType AuditType, IReadOnlyList<AgencyContact> Agencies,
    int TargetCases, Timetable Timetable, PartnershipContacts Contacts,
    ChaserLadder? SubmissionLadder = null, ChaserLadder? ActionLadder = null, IReadOnlyList<AuditQuestion>? Questions = null,
    IReadOnlyList<string>? NominatingAgencies = null) : CycleCommand;
public sealed record SuspendCycle(string Reason) : CycleCommand;
public sealed record ResumeCycle : CycleCommand;
public sealed record TerminateCycle(string Reason) : CycleCommand;

/// <summary>The clock: fire every scheduled step that is due.</summary>
public sealed record Tick(int MaxSteps = 15) : CycleCommand;

// Nomination and selection
public sealed record OpenNominations : CycleCommand;
public sealed record NominateCase(string AgencyCode, string CaseRef, string AgeBand, string Gender, string Ethnicity,
    bool Disability, IReadOnlyList<string> AgenciesInvolved, string Reason) : CycleCommand, IAgencyCommand;
public sealed record WithdrawNomination(string AgencyCode, string NominationId) : CycleCommand, IAgencyCommand;
public sealed record CloseNominations : CycleCommand;
public sealed record SelectCases(IReadOnlyList<SelectedCase> Cases) : CycleCommand;

// Case documents: a file is stored first, then attached; every download is recorded
public sealed record AttachDocument(string AgencyCode, string DocumentId, DocumentKind Kind, string FileName, string Sha256, long Bytes)
    : CycleCommand, IAgencyCommand;
public sealed record RecordDocumentDownload(string DocumentId) : CycleCommand;

// Submissions
public sealed record SaveSubmissionDraft(string AgencyCode, string CaseRef, IReadOnlyList<AuditAnswer> Answers, string? ChronologyRef) : CycleCommand, IAgencyCommand;
public sealed record SubmitAuditTool(string AgencyCode, string CaseRef, string ChronologyRef, IReadOnlyList<AuditAnswer> Answers) : CycleCommand, IAgencyCommand;
public sealed record DeclareNotKnown(string AgencyCode, string CaseRef, string Note) : CycleCommand, IAgencyCommand;
public sealed record RequestExtension(string AgencyCode, DateOnly NewDeadline, string Reason) : CycleCommand, IAgencyCommand;
public sealed record GrantExtension(string AgencyCode, DateOnly? NewDeadline = null) : CycleCommand;
public sealed record RefuseExtension(string AgencyCode, string Reason) : CycleCommand;
public sealed record ProceedWithoutMissing : CycleCommand;

// Meeting
public sealed record ProposedSlot(DateTimeOffset Start, DateTimeOffset End);
public sealed record ProposeMeetingSlots(IReadOnlyList<ProposedSlot> Slots, string Location, DateOnly? AvailabilityDeadline = null) : CycleCommand;
public sealed record GiveAvailability(string AgencyCode, IReadOnlyDictionary<string, bool> Slots) : CycleCommand, IAgencyCommand;
public sealed record BookMeeting(string? SlotId = null) : CycleCommand;
public sealed record RescheduleMeeting(DateTimeOffset Start, DateTimeOffset End, string? Location = null) : CycleCommand;
public sealed record CancelMeeting(string Reason) : CycleCommand;
public sealed record RecordMeetingHeld : CycleCommand;

// Findings
public sealed record FindingInput(string Text, IReadOnlyList<string> Themes);
public sealed record RecordCaseFindings(string CaseRef, IReadOnlyList<string> Strengths, IReadOnlyList<FindingInput> Findings,
    IReadOnlyDictionary<string, Grade> Gradings, CaseAssurance? Assurance = null) : CycleCommand;
public sealed record AddRecommendation(string Text, string Category) : CycleCommand;
public sealed record CompleteFindings : CycleCommand;

// Learning summary
public sealed record LearningSummaryContent(string Process, string GoodPractice, string Resources, IReadOnlyList<string> ReflectiveQuestions,
    string? WhyThisTheme = null);
public sealed record DraftLearningSummary(LearningSummaryContent Content) : CycleCommand;
public sealed record SubmitSummaryForReview : CycleCommand;
public sealed record ApproveSummary : CycleCommand;
public sealed record ReturnSummary(string Reason) : CycleCommand;
/// <summary>Publishes the approved summary; the app names the Word version it stored for it, so readers get that file.</summary>
public sealed record PublishSummary(int? Version = null) : CycleCommand;
/// <summary>Someone downloaded a stored Word version of the summary: recorded, like every case document's download.</summary>
public sealed record RecordSummaryDownload(int Version) : CycleCommand;
/// <summary>The retention job removed a finished cycle's stored files after the partnership's retention period.</summary>
public sealed record RecordDocumentsPurged(int RetentionDays) : CycleCommand;
/// <summary>The app stored a generated Word version of the summary; recorded so the history names every version by its SHA-256.</summary>
public sealed record StoreSummaryVersion(int Version, string ContentSha256, string Sha256, long Bytes) : CycleCommand;

// Action plan
/// <summary>An action answers a recommendation, or follows up a case (or both); its owner is an agency or a partnership group.</summary>
public sealed record AddAction(string? RecommendationId, string AgencyCode, string Description, DateOnly DueDate, string SuccessMeasure,
    string? CaseRef = null) : CycleCommand;
public sealed record AgreeActionPlan : CycleCommand;
public sealed record RecordActionProgress(string ActionId, string AgencyCode, string Note, string? EvidenceRef = null) : CycleCommand, IAgencyCommand;
public sealed record CompleteAction(string ActionId, string AgencyCode, string? Note = null) : CycleCommand, IAgencyCommand;
public sealed record VerifyAction(string ActionId) : CycleCommand;
public sealed record ReopenAction(string ActionId, string Reason) : CycleCommand;
public sealed record CarryForwardAction(string ActionId, string Reason) : CycleCommand;

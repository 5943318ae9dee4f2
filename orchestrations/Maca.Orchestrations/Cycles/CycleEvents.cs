using System.Text.Json.Serialization;
using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Nominations;
using Maca.Orchestrations.Notifications;
using Maca.Orchestrations.Submissions;

namespace Maca.Orchestrations.Cycles;

/// <summary>What happened to a cycle. <see cref="At"/> is stamped by Decide from the time it was given.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CycleStarted), nameof(CycleStarted))]
[JsonDerivedType(typeof(CycleSuspended), nameof(CycleSuspended))]
[JsonDerivedType(typeof(CycleResumed), nameof(CycleResumed))]
[JsonDerivedType(typeof(CycleTerminated), nameof(CycleTerminated))]
[JsonDerivedType(typeof(CycleClosed), nameof(CycleClosed))]
[JsonDerivedType(typeof(StepsScheduled), nameof(StepsScheduled))]
[JsonDerivedType(typeof(StepsCancelled), nameof(StepsCancelled))]
[JsonDerivedType(typeof(StepFired), nameof(StepFired))]
[JsonDerivedType(typeof(NotificationQueued), nameof(NotificationQueued))]
[JsonDerivedType(typeof(NominationsOpened), nameof(NominationsOpened))]
[JsonDerivedType(typeof(CaseNominated), nameof(CaseNominated))]
[JsonDerivedType(typeof(NominationWithdrawn), nameof(NominationWithdrawn))]
[JsonDerivedType(typeof(NominationsClosed), nameof(NominationsClosed))]
[JsonDerivedType(typeof(CasesSelected), nameof(CasesSelected))]
[JsonDerivedType(typeof(DocumentAttached), nameof(DocumentAttached))]
[JsonDerivedType(typeof(DocumentDownloaded), nameof(DocumentDownloaded))]
[JsonDerivedType(typeof(DocumentsPurged), nameof(DocumentsPurged))]
[JsonDerivedType(typeof(SubmissionDraftSaved), nameof(SubmissionDraftSaved))]
[JsonDerivedType(typeof(AuditToolSubmitted), nameof(AuditToolSubmitted))]
[JsonDerivedType(typeof(NotKnownDeclared), nameof(NotKnownDeclared))]
[JsonDerivedType(typeof(ExtensionRequested), nameof(ExtensionRequested))]
[JsonDerivedType(typeof(ExtensionGranted), nameof(ExtensionGranted))]
[JsonDerivedType(typeof(ExtensionRefused), nameof(ExtensionRefused))]
[JsonDerivedType(typeof(SubmissionsClosed), nameof(SubmissionsClosed))]
[JsonDerivedType(typeof(MeetingSlotsProposed), nameof(MeetingSlotsProposed))]
[JsonDerivedType(typeof(AvailabilityGiven), nameof(AvailabilityGiven))]
[JsonDerivedType(typeof(MeetingBooked), nameof(MeetingBooked))]
[JsonDerivedType(typeof(MeetingRescheduled), nameof(MeetingRescheduled))]
[JsonDerivedType(typeof(MeetingCancelled), nameof(MeetingCancelled))]
[JsonDerivedType(typeof(MeetingHeld), nameof(MeetingHeld))]
[JsonDerivedType(typeof(CaseFindingsRecorded), nameof(CaseFindingsRecorded))]
[JsonDerivedType(typeof(RecommendationAdded), nameof(RecommendationAdded))]
[JsonDerivedType(typeof(FindingsCompleted), nameof(FindingsCompleted))]
[JsonDerivedType(typeof(LearningSummaryDrafted), nameof(LearningSummaryDrafted))]
[JsonDerivedType(typeof(LearningSummarySubmittedForReview), nameof(LearningSummarySubmittedForReview))]
[JsonDerivedType(typeof(LearningSummaryApproved), nameof(LearningSummaryApproved))]
[JsonDerivedType(typeof(LearningSummaryReturned), nameof(LearningSummaryReturned))]
[JsonDerivedType(typeof(LearningSummaryPublished), nameof(LearningSummaryPublished))]
[JsonDerivedType(typeof(LearningSummaryDownloaded), nameof(LearningSummaryDownloaded))]
[JsonDerivedType(typeof(LearningSummaryVersionStored), nameof(LearningSummaryVersionStored))]
[JsonDerivedType(typeof(ActionAdded), nameof(ActionAdded))]
[JsonDerivedType(typeof(ActionPlanAgreed), nameof(ActionPlanAgreed))]
[JsonDerivedType(typeof(ActionProgressRecorded), nameof(ActionProgressRecorded))]
[JsonDerivedType(typeof(ActionCompleted), nameof(ActionCompleted))]
[JsonDerivedType(typeof(ActionVerified), nameof(ActionVerified))]
[JsonDerivedType(typeof(ActionReopened), nameof(ActionReopened))]
[JsonDerivedType(typeof(ActionCarriedForward), nameof(ActionCarriedForward))]
public abstract record CycleEvent
{
    public DateTimeOffset At { get; init; }
}

// Lifecycle and timers
public sealed record CycleStarted(
    string CycleId, string PartnershipId, string Theme, AuditType AuditType, IReadOnlyList<AgencyContact> Agencies,
    int TargetCases, PartnershipContacts Contacts, DateTimeOffset NominationsOpenAt, DateTimeOffset NominationsCloseAt,
    DateOnly? SubmissionDeadline, DateOnly? MeetingTarget, ChaserLadder SubmissionLadder, ChaserLadder ActionLadder,
    IReadOnlyList<AuditQuestion> Questions, IReadOnlyList<string>? NominatingAgencies = null) : CycleEvent;
public sealed record CycleSuspended(string Reason) : CycleEvent;
public sealed record CycleResumed : CycleEvent;
public sealed record CycleTerminated(string Reason) : CycleEvent;
public sealed record CycleClosed : CycleEvent;
public sealed record StepsScheduled(IReadOnlyList<ScheduledStep> Steps) : CycleEvent;
public sealed record StepsCancelled(IReadOnlyList<string> StepIds, string Reason) : CycleEvent;
public sealed record StepFired(string StepId) : CycleEvent;
public sealed record NotificationQueued(Notification Notification) : CycleEvent;

// Nomination and selection
public sealed record NominationsOpened(DateTimeOffset ClosesAt) : CycleEvent;
public sealed record CaseNominated(Nomination Nomination) : CycleEvent;
public sealed record NominationWithdrawn(string NominationId) : CycleEvent;
public sealed record NominationsClosed : CycleEvent;
public sealed record CasesSelected(IReadOnlyList<SelectedCase> Cases, DateTimeOffset SubmissionDeadline) : CycleEvent;

// Case documents
public sealed record DocumentAttached(CaseDocument Document) : CycleEvent;
public sealed record DocumentDownloaded(string DocumentId, string AgencyCode, string FileName) : CycleEvent;
/// <summary>Every stored file of a finished cycle removed under retention; the counts say what went.</summary>
public sealed record DocumentsPurged(int Files, long Bytes, int RetentionDays) : CycleEvent;

// Submissions
public sealed record SubmissionDraftSaved(string AgencyCode, string CaseRef, IReadOnlyList<AuditAnswer> Answers, string? ChronologyRef) : CycleEvent;
public sealed record AuditToolSubmitted(string AgencyCode, string CaseRef, string ChronologyRef, IReadOnlyList<AuditAnswer> Answers) : CycleEvent;
public sealed record NotKnownDeclared(string AgencyCode, string CaseRef, string Note) : CycleEvent;
public sealed record ExtensionRequested(string AgencyCode, DateTimeOffset RequestedDeadline, string Reason) : CycleEvent;
public sealed record ExtensionGranted(string AgencyCode, DateTimeOffset NewDeadline) : CycleEvent;
public sealed record ExtensionRefused(string AgencyCode, string Reason) : CycleEvent;
public sealed record MissingSubmission(string AgencyCode, string CaseRef);
public sealed record SubmissionsClosed(IReadOnlyList<MissingSubmission> Missing) : CycleEvent;

// Meeting
public sealed record MeetingSlot(string Id, DateTimeOffset Start, DateTimeOffset End);
public sealed record MeetingSlotsProposed(IReadOnlyList<MeetingSlot> Slots, string Location, DateTimeOffset AvailabilityDeadline) : CycleEvent;
public sealed record AvailabilityGiven(string AgencyCode, IReadOnlyDictionary<string, bool> Slots) : CycleEvent;
public sealed record MeetingBooked(string SlotId, DateTimeOffset Start, DateTimeOffset End, string Location, int Sequence, bool ChosenByCoordinator) : CycleEvent;
public sealed record MeetingRescheduled(DateTimeOffset Start, DateTimeOffset End, string Location, int Sequence) : CycleEvent;
public sealed record MeetingCancelled(string Reason, int Sequence) : CycleEvent;
public sealed record MeetingHeld : CycleEvent;

// Findings and summary
public sealed record Finding(string Text, IReadOnlyList<string> Themes);
public sealed record CaseFindingsRecorded(string CaseRef, IReadOnlyList<string> Strengths, IReadOnlyList<Finding> Findings,
    IReadOnlyDictionary<string, Grade> Gradings, CaseAssurance? Assurance = null) : CycleEvent;
public sealed record RecommendationAdded(string RecommendationId, string Text, string Category) : CycleEvent;
public sealed record FindingsCompleted : CycleEvent;
public sealed record LearningSummaryDrafted(LearningSummaryContent Content) : CycleEvent;
public sealed record LearningSummarySubmittedForReview : CycleEvent;
public sealed record LearningSummaryApproved : CycleEvent;
public sealed record LearningSummaryReturned(string Reason) : CycleEvent;
public sealed record LearningSummaryPublished(int? Version = null) : CycleEvent;
public sealed record LearningSummaryDownloaded(int Version) : CycleEvent;
public sealed record LearningSummaryVersionStored(int Version, string ContentSha256, string Sha256, long Bytes) : CycleEvent;

// Action plan
public sealed record ActionAdded(string ActionId, string? RecommendationId, string AgencyCode, string Description,
    DateOnly DueDate, DateTimeOffset DueAt, string SuccessMeasure, string? CaseRef = null) : CycleEvent;
public sealed record ActionPlanAgreed : CycleEvent;
public sealed record ActionProgressRecorded(string ActionId, string Note, string? EvidenceRef) : CycleEvent;
public sealed record ActionCompleted(string ActionId, string? Note) : CycleEvent;
public sealed record ActionVerified(string ActionId) : CycleEvent;
public sealed record ActionReopened(string ActionId, string Reason) : CycleEvent;
public sealed record ActionCarriedForward(string ActionId, string Reason) : CycleEvent;

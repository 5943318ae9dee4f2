using System.Collections.Immutable;

namespace Maca.Orchestrations.Cycles;

/// <summary>Folds one event into the state. Pure: no clock, no I/O, no decisions.</summary>
public static class CycleEvolver
{
    public static CycleState Fold(IEnumerable<CycleEvent> events, CycleState? from = null) =>
        events.Aggregate(from ?? CycleState.Initial, Evolve);

    public static CycleState Evolve(CycleState state, CycleEvent e)
    {
        var next = Apply(state, e) with { Version = state.Version + 1, LastUpdatedAt = e.At };
        return next;
    }

    private static CycleState Apply(CycleState s, CycleEvent e) => e switch
    {
        CycleStarted x => s with
        {
            Phase = CyclePhase.Planned, CycleId = x.CycleId, PartnershipId = x.PartnershipId, Theme = x.Theme,
            AuditType = x.AuditType, TargetCases = x.TargetCases, Contacts = x.Contacts,
            Agencies = x.Agencies.ToImmutableDictionary(a => a.Code),
            NominationsOpenAt = x.NominationsOpenAt, NominationsCloseAt = x.NominationsCloseAt,
            PlannedSubmissionDeadline = x.SubmissionDeadline, MeetingTarget = x.MeetingTarget,
            SubmissionLadder = x.SubmissionLadder, ActionLadder = x.ActionLadder, Questions = x.Questions, CreatedAt = x.At,
            NominatingAgencies = [.. x.NominatingAgencies ?? []],
        },
        CycleSuspended => s with { Suspended = true },
        CycleResumed => s with { Suspended = false },
        CycleTerminated x => s with { Phase = CyclePhase.Terminated, TerminationReason = x.Reason, Schedule = [], FinishedAt = x.At },
        CycleClosed x => s with { Phase = CyclePhase.Closed, Schedule = [], FinishedAt = x.At },
        StepsScheduled x => s with { Schedule = s.Schedule.AddRange(x.Steps.Where(n => s.Schedule.All(o => o.Id != n.Id))) },
        StepsCancelled x => s with { Schedule = s.Schedule.RemoveAll(step => x.StepIds.Contains(step.Id)) },
        StepFired x => s with { Schedule = s.Schedule.RemoveAll(step => step.Id == x.StepId) },

        NominationsOpened => s with { Phase = CyclePhase.Nominating },
        CaseNominated x => s with { Nominations = s.Nominations.Add(x.Nomination), NominationsMade = s.NominationsMade + 1 },
        NominationWithdrawn x => s with { Nominations = s.Nominations.RemoveAll(n => n.Id == x.NominationId) },
        NominationsClosed => s with { Phase = CyclePhase.Selecting },
        CasesSelected x => s with
        {
            Phase = CyclePhase.AwaitingSubmissions, Cases = [.. x.Cases], SubmissionDeadline = x.SubmissionDeadline,
            Submissions = x.Cases.SelectMany(c => c.AgenciesInScope.Select(a => CycleState.SubmissionKey(a, c.CaseRef)))
                .ToImmutableDictionary(k => k, _ => new SubmissionRecord(SubmissionStatus.Outstanding)),
        },

        DocumentAttached x => s with { Documents = s.Documents.SetItem(x.Document.Id, x.Document) },
        SubmissionDraftSaved x => SetSubmission(s, x.AgencyCode, x.CaseRef, new(SubmissionStatus.Draft, x.ChronologyRef, x.At, x.Answers)),
        AuditToolSubmitted x => SetSubmission(s, x.AgencyCode, x.CaseRef, new(SubmissionStatus.Submitted, x.ChronologyRef, x.At, x.Answers)),
        NotKnownDeclared x => SetSubmission(s, x.AgencyCode, x.CaseRef, new(SubmissionStatus.NotKnown, null, x.At, Note: x.Note)),
        ExtensionRequested x => s with { PendingExtensions = s.PendingExtensions.SetItem(x.AgencyCode, x.RequestedDeadline) },
        ExtensionGranted x => s with
        {
            PendingExtensions = s.PendingExtensions.Remove(x.AgencyCode),
            AgencyDeadlines = s.AgencyDeadlines.SetItem(x.AgencyCode, x.NewDeadline),
        },
        ExtensionRefused x => s with { PendingExtensions = s.PendingExtensions.Remove(x.AgencyCode) },
        SubmissionsClosed x => s with
        {
            Phase = s.AuditType == AuditType.InDepth ? CyclePhase.SchedulingMeeting : CyclePhase.RecordingFindings,
            Submissions = x.Missing.Aggregate(s.Submissions, (all, m) =>
                all.SetItem(CycleState.SubmissionKey(m.AgencyCode, m.CaseRef), new SubmissionRecord(SubmissionStatus.Missing))),
        },

        MeetingSlotsProposed x => s with
        {
            Meeting = new MeetingState([.. x.Slots], x.Location, x.AvailabilityDeadline,
                ImmutableDictionary<string, IReadOnlyDictionary<string, bool>>.Empty, Sequence: s.Meeting?.Sequence ?? -1),
        },
        AvailabilityGiven x => s with { Meeting = s.Meeting! with { Availability = s.Meeting.Availability.SetItem(x.AgencyCode, x.Slots) } },
        MeetingBooked x => s with
        {
            Phase = CyclePhase.MeetingBooked,
            Meeting = s.Meeting! with { BookedSlotId = x.SlotId, Start = x.Start, End = x.End, Location = x.Location, Sequence = x.Sequence },
        },
        MeetingRescheduled x => s with { Meeting = s.Meeting! with { Start = x.Start, End = x.End, Location = x.Location, Sequence = x.Sequence } },
        MeetingCancelled x => s with
        {
            Phase = CyclePhase.SchedulingMeeting,
            Meeting = s.Meeting! with { BookedSlotId = null, Start = null, End = null, Sequence = x.Sequence, Slots = [] },
        },
        MeetingHeld => s with { Phase = CyclePhase.RecordingFindings, Meeting = s.Meeting! with { Held = true } },

        CaseFindingsRecorded x => s with { Findings = s.Findings.SetItem(x.CaseRef, new CaseFindings(x.Strengths, x.Findings, x.Gradings, x.Assurance)) },
        RecommendationAdded x => s with { Recommendations = s.Recommendations.Add(new Recommendation(x.RecommendationId, x.Text, x.Category)) },
        FindingsCompleted => s with { Phase = CyclePhase.DraftingSummary },
        LearningSummaryDrafted x => s with { Summary = SummaryStatus.Draft, SummaryContent = x.Content },
        LearningSummarySubmittedForReview => s with { Summary = SummaryStatus.InReview },
        LearningSummaryApproved => s with { Summary = SummaryStatus.Approved },
        LearningSummaryReturned => s with { Summary = SummaryStatus.Draft },
        LearningSummaryVersionStored x => s with { SummaryVersions = s.SummaryVersions.Add(new SummaryVersion(x.Version, x.ContentSha256, x.Sha256, x.Bytes, x.At)) },
        LearningSummaryPublished x => s with { Summary = SummaryStatus.Published, Phase = CyclePhase.ActionPlanning, PublishedVersion = x.Version },
        DocumentsPurged x => s with { DocumentsPurgedAt = x.At },

        ActionAdded x => s with
        {
            ActionsAdded = s.ActionsAdded + 1,
            Actions = s.Actions.Add(x.ActionId, new PlanAction(x.ActionId, x.RecommendationId, x.AgencyCode, x.Description, x.DueDate, x.DueAt, x.SuccessMeasure,
                CaseRef: x.CaseRef)),
        },
        ActionPlanAgreed => s with { Phase = CyclePhase.FollowingUpActions },
        ActionProgressRecorded x => UpdateAction(s, x.ActionId, a => a with
        {
            ProgressUpdates = a.ProgressUpdates + 1, LatestUpdate = x.Note, LatestUpdateAt = x.At,
            EvidenceRefs = x.EvidenceRef is null ? a.EvidenceRefs : [.. a.EvidenceRefs ?? [], x.EvidenceRef],
        }),
        ActionCompleted x => UpdateAction(s, x.ActionId, a => a with { Status = ActionStatus.Completed, CompletedAt = x.At }),
        ActionVerified x => UpdateAction(s, x.ActionId, a => a with { Status = ActionStatus.Verified }),
        ActionReopened x => UpdateAction(s, x.ActionId, a => a with { Status = ActionStatus.Open }),
        ActionCarriedForward x => UpdateAction(s, x.ActionId, a => a with { Status = ActionStatus.CarriedForward }),
        _ => s,
    };

    private static CycleState SetSubmission(CycleState s, string agency, string caseRef, SubmissionRecord record) =>
        s with { Submissions = s.Submissions.SetItem(CycleState.SubmissionKey(agency, caseRef), record) };

    private static CycleState UpdateAction(CycleState s, string id, Func<PlanAction, PlanAction> change) =>
        s with { Actions = s.Actions.SetItem(id, change(s.Actions[id])) };
}

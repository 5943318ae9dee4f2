namespace Maca.Orchestrations.Cycles;

public enum AuditType { InDepth, Desktop }

public enum CyclePhase
{
    NotStarted, Planned, Nominating, Selecting, AwaitingSubmissions, SchedulingMeeting, MeetingBooked,
    RecordingFindings, DraftingSummary, ActionPlanning, FollowingUpActions, Closed, Terminated,
}

/// <summary>An agency as the cycle knows it: copied from the directory when the cycle starts.</summary>
public sealed record AgencyContact(string Code, string Name, string LeadEmail, string QaEmail, string SeniorEmail);

/// <summary>The partnership's people the cycle writes to besides the agencies.</summary>
public sealed record PartnershipContacts(string CoordinatorEmail, string ManagerEmail, string LearningDevelopmentEmail);

/// <summary>Dates the coordinator may set; any left out default in working days.</summary>
public sealed record Timetable(
    DateOnly? NominationsOpen = null,
    DateOnly? NominationsClose = null,
    DateOnly? SubmissionDeadline = null,
    DateOnly? MeetingTarget = null);

/// <summary>How long each phase runs by default, in working days (shared/domain.md).</summary>
public static class DefaultDurations
{
    public const int NominationWorkingDays = 10;
    public const int SubmissionWorkingDays = 20;
    public const int MeetingAfterSubmissionWorkingDays = 10;
    public const int AvailabilityWorkingDays = 5;
}

namespace Maca.Orchestrations.Notifications;

public enum NotificationKind
{
    NominationRequest, NominationReminder,
    SubmissionRequest, SubmissionReminder, SubmissionDueToday, SubmissionOverdue, SubmissionEscalation,
    ExtensionGranted, ExtensionRefused,
    AvailabilityRequest, AvailabilityReminder, AvailabilityDueToday, AvailabilityOverdue, AvailabilityEscalation,
    MeetingInvitation, MeetingUpdate, MeetingCancellation, MeetingPackReady, MeetingReminder,
    LearningSummaryPublished,
    ActionReminder, ActionDueToday, ActionOverdue, ActionEscalation,
}

/// <summary>A meeting as an invitation describes it; the UID stays the same for the cycle's meeting.</summary>
public sealed record MeetingDetails(string Uid, int Sequence, DateTimeOffset Start, DateTimeOffset End, string Location,
    string OrganizerEmail, IReadOnlyList<string> Attendees, bool Cancelled = false);

/// <summary>
/// An email the cycle wants sent, as data. The host renders the words and delivers it through the outbox.
/// Only case references, never case details.
/// </summary>
public sealed record Notification(
    NotificationKind Kind,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string? AgencyCode = null,
    IReadOnlyList<string>? CaseRefs = null,
    DateTimeOffset? DueAt = null,
    string? ActionId = null,
    MeetingDetails? Meeting = null,
    string? Note = null);

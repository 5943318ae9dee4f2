using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Notifications;

namespace Maca.Functions.Access.Links;

/// <summary>Which emails carry which kind of link, and which commands each kind of link may send.</summary>
public static class LinkPurposes
{
    public static LinkPurpose? ForNotification(NotificationKind kind) => kind switch
    {
        NotificationKind.NominationRequest or NotificationKind.NominationReminder => LinkPurpose.Nominate,
        NotificationKind.SubmissionRequest or NotificationKind.SubmissionReminder or NotificationKind.SubmissionDueToday
            or NotificationKind.SubmissionOverdue or NotificationKind.SubmissionEscalation
            or NotificationKind.ExtensionGranted or NotificationKind.ExtensionRefused => LinkPurpose.Submit,
        NotificationKind.AvailabilityRequest or NotificationKind.AvailabilityReminder or NotificationKind.AvailabilityDueToday
            or NotificationKind.AvailabilityOverdue or NotificationKind.AvailabilityEscalation => LinkPurpose.Availability,
        NotificationKind.ActionReminder or NotificationKind.ActionDueToday or NotificationKind.ActionOverdue
            or NotificationKind.ActionEscalation => LinkPurpose.Actions,
        NotificationKind.LearningSummaryPublished => LinkPurpose.Summary,
        _ => null,
    };

    /// <summary>What a link is for, as a sentence continues it: "sent to nominate cases".</summary>
    public static string Words(LinkPurpose purpose) => purpose switch
    {
        LinkPurpose.Nominate => "nominate cases",
        LinkPurpose.Submit => "make submissions",
        LinkPurpose.Availability => "give meeting availability",
        LinkPurpose.Summary => "read the learning summary",
        _ => "update actions",
    };

    public static bool Allows(LinkPurpose purpose, CycleCommand command) => (purpose, command) switch
    {
        (LinkPurpose.Nominate, NominateCase or WithdrawNomination) => true,
        (LinkPurpose.Submit, SaveSubmissionDraft or SubmitAuditTool or DeclareNotKnown or RequestExtension) => true,
        (LinkPurpose.Availability, GiveAvailability) => true,
        (LinkPurpose.Actions, RecordActionProgress or CompleteAction) => true,
        _ => false,
    };
}

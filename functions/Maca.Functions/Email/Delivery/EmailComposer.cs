using System.Net;
using System.Text.Json;
using Maca.Functions.Cycles;
using Maca.Functions.Access;
using Maca.Functions.Access.Links;
using Maca.Functions.Email;
using Maca.Functions.Meetings;
using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Notifications;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Email.Delivery;

/// <summary>
/// Turns a notification into the email people read: the cycle and theme, what is asked, by when (as a UK date),
/// the case references concerned and a link into the app. Never case details, never attachments of case documents.
/// </summary>
public sealed class EmailComposer(IOptions<AppOptions> app, IOptions<AccessOptions> access, MagicLinkSigner links)
{
    public const string KindHeader = "X-Maca-Kind", QueuedAtHeader = "X-Maca-Queued-At", CycleHeader = "X-Maca-Cycle";

    /// <summary>
    /// Each notification a decision queued, rendered for the outbox. Every event takes the next version, so an email's
    /// id follows from the cycle and its place in the history: the same decision always names the same email.
    /// </summary>
    public List<QueuedEmail> Entries(CycleRecord cycle, CycleState after, IReadOnlyList<CycleEvent> events) =>
        events.Select((e, i) => (Event: e, Version: cycle.State.Version + i + 1))
            .Where(x => x.Event is NotificationQueued)
            .Select(x =>
            {
                var queued = (NotificationQueued)x.Event;
                var outboxId = OutboxId(cycle.CycleId, x.Version);
                var (email, link) = Compose(outboxId, queued.Notification, after, queued.At);
                return new QueuedEmail(outboxId, x.Version, queued.Notification.Kind.ToString(),
                    JsonSerializer.Serialize(email, CycleJson.Options), link);
            })
            .ToList();

    /// <summary>The ids <see cref="Entries"/> gives the emails of events appended after <paramref name="fromVersion"/>.</summary>
    public static List<string> OutboxIds(string cycleId, int fromVersion, IReadOnlyList<CycleEvent> events) =>
        events.Select((e, i) => (Event: e, Version: fromVersion + i + 1)).Where(x => x.Event is NotificationQueued)
            .Select(x => OutboxId(cycleId, x.Version)).ToList();

    private static string OutboxId(string cycleId, int version) => $"{cycleId}.{version:D8}";

    /// <summary>The email, and the magic link it carries when it asks an agency to act (its id is the email's).</summary>
    public (EmailMessage Email, IssuedLink? Link) Compose(string outboxId, Notification n, CycleState cycle, DateTimeOffset queuedAt)
    {
        var (subject, ask) = Words(n, cycle);
        var issued = MagicLink(outboxId, n, cycle, queuedAt);
        var link = issued is null ? Link(n, cycle) : $"{Root}/links/{links.Sign(issued)}";
        var lines = new List<string> { "Dear colleague,", "", ask };
        if (n.CaseRefs is { Count: > 0 } cases) lines.AddRange(["", $"Case references: {string.Join(", ", cases)}"]);
        if (n.DueAt is { } due && n.Meeting is null) lines.AddRange(["", $"Please respond by {WorkingCalendar.FormatInstant(due)}."]);
        if (n.Meeting is { } m)
        {
            var ends = TimeZoneInfo.ConvertTime(m.End, WorkingCalendar.London);
            lines.AddRange(["", $"When: {WorkingCalendar.FormatInstant(m.Start)} to {ends:HH:mm}", $"Where: {m.Location}"]);
        }
        if (n.Note is { Length: > 0 } note) lines.AddRange(["", $"Note from the coordinator: {note}"]);
        lines.AddRange(["", $"Open Maca: {link}", "",
            $"{CycleName(cycle)} · sent by Maca for the partnership's audit coordinator ({cycle.Contacts.CoordinatorEmail})."]);
        var text = string.Join("\n", lines);
        var html = "<p>" + string.Join("</p>\n<p>", text.Split("\n\n").Select(p => WebUtility.HtmlEncode(p).Replace("\n", "<br>")))
            .Replace(WebUtility.HtmlEncode(link), $"<a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a>") + "</p>";
        var calendar = n.Meeting is { } meeting
            ? new CalendarAttachment(ICalendarWriter.Write(meeting, $"{cycle.Theme} multi-agency case audit meeting", queuedAt),
                meeting.Cancelled ? "CANCEL" : "REQUEST")
            : null;
        return (new EmailMessage(outboxId, n.To, subject, text, html, n.Cc, cycle.Contacts.CoordinatorEmail, calendar,
            new Dictionary<string, string>
            {
                [KindHeader] = n.Kind.ToString(), [QueuedAtHeader] = queuedAt.UtcDateTime.ToString("O"), [CycleHeader] = cycle.CycleId,
            }), issued);
    }

    private string Root => app.Value.PublicBaseUrl.ToString().TrimEnd('/');

    private IssuedLink? MagicLink(string outboxId, Notification n, CycleState cycle, DateTimeOffset queuedAt) =>
        n.AgencyCode is { } agency && LinkPurposes.ForNotification(n.Kind) is { } purpose
            ? new IssuedLink(outboxId, cycle.PartnershipId, cycle.CycleId, agency, purpose, queuedAt + access.Value.LinkLifetime,
                [.. n.To, .. n.Cc])
            : null;

    public static string CycleName(CycleState c) =>
        $"{c.Theme} audit ({(c.AuditType == AuditType.Desktop ? "desktop" : "in-depth")}, cycle {c.CycleId})";

    private string Link(Notification n, CycleState c)
    {
        var root = Root;
        return n switch
        {
            { ActionId: { } action } => $"{root}/cycles/{c.CycleId}/actions/{action}",
            { Meeting: not null } => $"{root}/cycles/{c.CycleId}/meeting",
            { AgencyCode: { } agency } => $"{root}/cycles/{c.CycleId}/agencies/{agency}",
            _ => $"{root}/cycles/{c.CycleId}",
        };
    }

    private static (string Subject, string Ask) Words(Notification n, CycleState c)
    {
        var theme = c.Theme;
        var agency = n.AgencyCode is { } code && c.Agencies.TryGetValue(code, out var a) ? a.Name : "your agency";
        var by = n.DueAt is { } due ? WorkingCalendar.FormatDate(WorkingCalendar.UkDate(due)) : "";
        var when = n.Meeting is { } m ? WorkingCalendar.FormatInstant(m.Start) : "";
        return n.Kind switch
        {
            NotificationKind.NominationRequest => (
                $"{theme} audit: please nominate cases by {by}",
                $"The partnership is auditing {theme.ToLowerInvariant()}. Please nominate cases {agency} knows "
                + $"that would help, using pseudonymous case references only."),
            NotificationKind.NominationReminder => (
                $"Reminder: {theme} audit nominations close {by}",
                $"We have no nominations from {agency} yet for the {theme.ToLowerInvariant()} audit."),
            NotificationKind.SubmissionRequest => (
                $"{theme} audit: chronology and audit tool needed from {agency} by {by}",
                $"Please submit a chronology and the completed audit tool for each case below, or tell us the "
                + $"child is not known to {agency}."),
            NotificationKind.SubmissionReminder => (
                $"Reminder: {theme} audit submissions from {agency} due {by}",
                $"{agency} still has submissions to make for the {theme.ToLowerInvariant()} audit."),
            NotificationKind.SubmissionDueToday => (
                $"Due today: {theme} audit submissions from {agency}",
                $"Submissions from {agency} for the {theme.ToLowerInvariant()} audit are due today."),
            NotificationKind.SubmissionOverdue => (
                $"Overdue: {theme} audit submissions from {agency}",
                $"Submissions from {agency} were due {by} and have not arrived. Your QA sub-group member is "
                + $"copied in."),
            NotificationKind.SubmissionEscalation => (
                $"Escalation: {agency} has not submitted for the {theme} audit",
                $"{agency}'s submissions for the {theme.ToLowerInvariant()} audit were due {by} and are still "
                + $"outstanding after reminders to the lead and the QA member."),
            NotificationKind.ExtensionGranted => (
                $"{theme} audit: extension granted to {agency} until {by}",
                $"Your request for more time has been granted. The new deadline is {by}."),
            NotificationKind.ExtensionRefused => (
                $"{theme} audit: extension not granted to {agency}",
                $"Your request for more time has not been granted. The deadline stays {by}."),
            NotificationKind.AvailabilityRequest => (
                $"{theme} audit meeting: tell us when you can attend by {by}",
                "Please say which of the proposed meeting times you can attend."),
            NotificationKind.AvailabilityReminder => (
                $"Reminder: {theme} audit meeting availability due {by}",
                "We still need to know which meeting times you can attend."),
            NotificationKind.AvailabilityDueToday => (
                $"Due today: {theme} audit meeting availability",
                "Please tell us today which meeting times you can attend."),
            NotificationKind.AvailabilityOverdue => (
                $"Overdue: {theme} audit meeting availability from {agency}",
                "We have not heard which meeting times you can attend."),
            NotificationKind.AvailabilityEscalation => (
                $"Escalation: {agency} has not given meeting availability for the {theme} audit",
                $"{agency} has not answered the meeting availability request."),
            NotificationKind.MeetingInvitation => (
                $"{theme} audit meeting: {when}",
                "The multi-agency audit meeting is booked. The invitation is attached."),
            NotificationKind.MeetingUpdate => (
                $"Moved: {theme} audit meeting now {when}",
                "The multi-agency audit meeting has moved. The updated invitation is attached."),
            NotificationKind.MeetingCancellation => (
                $"Cancelled: {theme} audit meeting on {when}",
                "The multi-agency audit meeting has been cancelled. A new time will follow."),
            NotificationKind.MeetingPackReady => (
                $"{theme} audit meeting pack ready: meeting {when}",
                "The meeting pack is ready to read in Maca before the meeting."),
            NotificationKind.MeetingReminder => (
                $"Reminder: {theme} audit meeting {when}",
                "A reminder that the multi-agency audit meeting is coming up."),
            NotificationKind.LearningSummaryPublished => (
                $"{theme} audit: learning summary published",
                "The learning summary from this audit has been approved and published. Read it or download it in "
                + "Word from the link below, and share what it says with your practitioners."),
            NotificationKind.ActionReminder => (
                $"Reminder: {theme} audit action {n.ActionId} due {by}",
                $"Action {n.ActionId} owned by {agency} is due soon. Please record progress and evidence."),
            NotificationKind.ActionDueToday => (
                $"Due today: {theme} audit action {n.ActionId}",
                $"Action {n.ActionId} owned by {agency} is due today."),
            NotificationKind.ActionOverdue => (
                $"Overdue: {theme} audit action {n.ActionId}",
                $"Action {n.ActionId} owned by {agency} was due {by}."),
            NotificationKind.ActionEscalation => (
                $"Escalation: {theme} audit action {n.ActionId} overdue",
                $"Action {n.ActionId} owned by {agency} was due {by} and is not complete."),
            _ => ($"{theme} audit update", "There is an update on the audit."),
        };
    }
}

/// <summary>Bound from the "App" section.</summary>
public sealed class AppOptions
{
    public const string Section = "App";
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:7071");
}

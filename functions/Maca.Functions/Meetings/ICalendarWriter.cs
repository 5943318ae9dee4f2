using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Maca.Orchestrations.Notifications;

namespace Maca.Functions.Meetings;

/// <summary>
/// The cycle meeting's iCalendar (RFC 5545) invitation or cancellation, built with Ical.Net: one stable UID for
/// the meeting's life, SEQUENCE raised on every change, times in UTC, and METHOD:CANCEL when it is called off.
/// </summary>
public static class ICalendarWriter
{
    public static string Write(MeetingDetails meeting, string summary, DateTimeOffset stamp)
    {
        var meetingEvent = new CalendarEvent
        {
            Uid = meeting.Uid,
            Sequence = meeting.Sequence,
            DtStamp = Utc(stamp),
            DtStart = Utc(meeting.Start),
            DtEnd = Utc(meeting.End),
            Summary = summary,
            Location = meeting.Location,
            Organizer = new Organizer($"mailto:{meeting.OrganizerEmail}"),
            Status = meeting.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        };
        foreach (var attendee in meeting.Attendees.Where(a => a != meeting.OrganizerEmail))
            meetingEvent.Attendees.Add(new Attendee($"mailto:{attendee}")
            {
                Role = ParticipationRole.RequiredParticipant, ParticipationStatus = EventParticipationStatus.NeedsAction, Rsvp = true,
            });

        var calendar = new Calendar
        {
            ProductId = "-//Maca//Multi-agency case audit//EN",
            Method = meeting.Cancelled ? "CANCEL" : "REQUEST",
        };
        calendar.Events.Add(meetingEvent);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalDateTime Utc(DateTimeOffset t) => new(t.UtcDateTime, CalDateTime.UtcTzId);
}

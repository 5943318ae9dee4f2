using System.Globalization;
using System.Text;
using Maca.Orchestrations.Notifications;

namespace Maca.Functions.Meetings;

/// <summary>
/// An iCalendar (RFC 5545) invitation or cancellation for the cycle's meeting: one stable UID, SEQUENCE raised
/// on every change, times in UTC, CRLF line ends and lines folded at 75 octets.
/// </summary>
public static class ICalendarWriter
{
    public static string Write(MeetingDetails meeting, string summary, DateTimeOffset stamp)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "PRODID:-//Maca//Multi-agency case audit//EN",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            $"METHOD:{(meeting.Cancelled ? "CANCEL" : "REQUEST")}",
            "BEGIN:VEVENT",
            $"UID:{meeting.Uid}",
            $"SEQUENCE:{meeting.Sequence}",
            $"DTSTAMP:{Utc(stamp)}",
            $"DTSTART:{Utc(meeting.Start)}",
            $"DTEND:{Utc(meeting.End)}",
            $"SUMMARY:{Escape(summary)}",
            $"LOCATION:{Escape(meeting.Location)}",
            $"ORGANIZER:mailto:{meeting.OrganizerEmail}",
        };
        lines.AddRange(meeting.Attendees.Where(a => a != meeting.OrganizerEmail)
            .Select(a => $"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{a}"));
        lines.Add($"STATUS:{(meeting.Cancelled ? "CANCELLED" : "CONFIRMED")}");
        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");
        return string.Concat(lines.Select(l => Fold(l) + "\r\n"));
    }

    private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n");

    /// <summary>Lines longer than 75 octets continue on the next line after a single space.</summary>
    private static string Fold(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        if (bytes.Length <= 75) return line;
        var builder = new StringBuilder();
        var width = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (width + size > 75) { builder.Append("\r\n "); width = 1; }
            builder.Append(rune.ToString());
            width += size;
        }
        return builder.ToString();
    }
}

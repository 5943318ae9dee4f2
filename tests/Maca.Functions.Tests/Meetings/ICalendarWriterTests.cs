using Maca.Functions.Meetings;
using Maca.Orchestrations.Notifications;

namespace Maca.Functions.Tests.Meetings;

public sealed class ICalendarWriterTests
{
    private static readonly MeetingDetails Meeting = new("maca-c-1-meeting", 2,
        new DateTimeOffset(2029, 5, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2029, 5, 1, 11, 0, 0, TimeSpan.Zero),
        "Civic Centre, committee room 2; use the side door", "coordinator@p.example", ["lead@csc.example", "lead@pol.example", "coordinator@p.example"]);

    private static readonly DateTimeOffset Stamp = new(2029, 4, 16, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnInvitationIsARequestWithAStableUidItsSequenceAndUtcTimes()
    {
        var ics = ICalendarWriter.Write(Meeting, "Self harm multi-agency case audit meeting", Stamp);
        var lines = ics.Split("\r\n");

        Assert.Contains("METHOD:REQUEST", lines);
        Assert.Contains("UID:maca-c-1-meeting", lines);
        Assert.Contains("SEQUENCE:2", lines);
        Assert.Contains("DTSTART:20290501T090000Z", lines);
        Assert.Contains("DTEND:20290501T110000Z", lines);
        Assert.Contains("DTSTAMP:20290416T090000Z", lines);
        Assert.Contains("STATUS:CONFIRMED", lines);
        Assert.Contains(@"LOCATION:Civic Centre\, committee room 2\; use the side door", ics.Replace("\r\n ", ""));
        Assert.Equal(2, lines.Count(l => l.StartsWith("ATTENDEE", StringComparison.Ordinal))); // the organiser is not also an attendee
        Assert.DoesNotContain("\n", ics.Replace("\r\n", ""));
        Assert.EndsWith("END:VCALENDAR\r\n", ics);
    }

    [Fact]
    public void ACancellationIsACancelForTheSameUid()
    {
        var ics = ICalendarWriter.Write(Meeting with { Cancelled = true, Sequence = 3 }, "Meeting", Stamp);
        Assert.Contains("METHOD:CANCEL\r\n", ics);
        Assert.Contains("STATUS:CANCELLED\r\n", ics);
        Assert.Contains("UID:maca-c-1-meeting\r\n", ics);
        Assert.Contains("SEQUENCE:3\r\n", ics);
    }

    [Fact]
    public void LongLinesAreFoldedAt75OctetsWithoutSplittingCharacters()
    {
        var ics = ICalendarWriter.Write(Meeting, string.Concat(Enumerable.Repeat("Réunion d’audit ", 12)), Stamp);
        var physical = ics.Split("\r\n");
        Assert.All(physical, line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        var unfolded = ics.Replace("\r\n ", "");
        Assert.Contains("SUMMARY:" + string.Concat(Enumerable.Repeat("Réunion d’audit ", 12)), unfolded);
    }
}

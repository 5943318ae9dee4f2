using Maca.Orchestrations.Meetings;
using Maca.Orchestrations.Cycles;

namespace Maca.Orchestrations.Meetings;

/// <summary>The best slot has the most required attendees available; ties go to the earliest.</summary>
public static class SlotChooser
{
    public static MeetingSlot Best(CycleState s)
    {
        var meeting = s.Meeting ?? throw new InvalidOperationException("No slots have been proposed.");
        return meeting.Slots
            .OrderByDescending(slot => AvailableCount(meeting, slot.Id))
            .ThenBy(slot => slot.Start)
            .First();
    }

    public static int AvailableCount(MeetingState meeting, string slotId) =>
        meeting.Availability.Values.Count(answers => answers.TryGetValue(slotId, out var yes) && yes);
}

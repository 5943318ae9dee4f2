using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Submissions;
using static Maca.Orchestrations.Tests.Support.TestCalendar;

namespace Maca.Orchestrations.Tests.Support;

/// <summary>Later points of the default timeline, each reached by real commands.</summary>
public static class Phases
{
    public static readonly DateTimeOffset SubmittedAt = Uk(2026, 12, 1, 12);
    public static readonly DateTimeOffset ProposedAt = Uk(2026, 12, 2, 10);
    public static readonly ProposedSlot Early = new(Uk(2027, 1, 12, 10), Uk(2027, 1, 12, 12));
    public static readonly ProposedSlot Middle = new(Uk(2027, 1, 13, 10), Uk(2027, 1, 13, 12));
    public static readonly ProposedSlot Late = new(Uk(2027, 1, 14, 14), Uk(2027, 1, 14, 16));

    public static Cycle AwaitingMeeting() => Cycle.Selected().SubmitAll(SubmittedAt);

    public static Cycle SlotsProposed() => AwaitingMeeting()
        .Do(new ProposeMeetingSlots([Late, Early, Middle], "Council offices, room 4"), ProposedAt);

    public static Cycle MeetingBooked() => SlotsProposed().Do(new BookMeeting("S1"), ProposedAt.AddHours(1));

    public static readonly DateTimeOffset HeldAt = Uk(2027, 1, 12, 12);

    public static Cycle FindingsRecorded() => MeetingBooked()
        .Do(new RecordMeetingHeld(), HeldAt)
        .Do(new RecordCaseFindings("MACA-1", ["Police shared the incident log on the same day"],
            [new FindingInput("The child was not seen alone by any agency", ["VOC"])],
            new Dictionary<string, Grade> { ["CSC"] = Grade.RequiresImprovement, ["POL"] = Grade.Good }), HeldAt)
        .Do(new RecordCaseFindings("MACA-2", ["Health visitor followed up every missed appointment"],
            [new FindingInput("Father was never spoken to", ["FAM", "CUR"])],
            new Dictionary<string, Grade> { ["CSC"] = Grade.Good, ["HEA"] = Grade.Good }), HeldAt)
        .Do(new AddRecommendation("Briefing on seeing children alone", "Training and awareness"), HeldAt)
        .Do(new AddRecommendation("Record fathers' details at first contact", "Recording of information"), HeldAt)
        .Do(new CompleteFindings(), HeldAt);

    public static readonly LearningSummaryContent Summary = new(
        "Three agencies reviewed two cases and met to discuss them.", "Prompt sharing of incident logs.",
        "Local practice guidance on engaging fathers.", ["Do you make sure every child is seen on their own?"]);

    public static Cycle SummaryApproved() => FindingsRecorded()
        .Do(new DraftLearningSummary(Summary), HeldAt.AddDays(1))
        .Do(new SubmitSummaryForReview(), HeldAt.AddDays(2))
        .Do(new ApproveSummary(), HeldAt.AddDays(3));

    public static Cycle SummaryPublished() => SummaryApproved().Do(new PublishSummary(), HeldAt.AddDays(4));

    public static readonly DateTimeOffset PlannedAt = Uk(2027, 1, 20, 10);

    public static Cycle PlanAgreed() => SummaryPublished()
        .Do(new AddAction("R1", "CSC", "Deliver a briefing on seeing children alone", new DateOnly(2027, 4, 30), "90% of social workers attend"), PlannedAt)
        .Do(new AddAction("R2", "HEA", "Add a father's details field to the first-contact form", new DateOnly(2027, 3, 31), "Field live and audited"), PlannedAt)
        .Do(new AgreeActionPlan(), PlannedAt);
}

using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Nominations;
using Maca.Orchestrations.Submissions;

namespace Maca.Functions.Seeds;

/// <summary>
/// seeds/demo-history.json: finished audits told as what happened in each (cases, findings, recommendations, actions),
/// which <see cref="HistoryScript"/> turns into the commands a coordinator and agencies would have sent, each at its day.
/// </summary>
public sealed record HistoryFile(string PartnershipId, IReadOnlyList<HistoryCycle> Cycles);

public sealed record HistoryCycle(string Key, string Theme, AuditType AuditType, DateOnly Started, IReadOnlyList<string> Agencies,
    IReadOnlyList<HistoryCase> Cases, IReadOnlyList<HistoryRecommendation> Recommendations, LearningSummaryContent Summary);

public sealed record HistoryCase(string Ref, string NominatedBy, string AgeBand, string Gender, string Ethnicity, string Reason,
    IReadOnlyList<string> InScope, IReadOnlyList<string> Strengths, IReadOnlyList<FindingInput> Findings,
    IReadOnlyDictionary<string, Grade> Gradings, CaseAssurance Assurance, IReadOnlyList<string>? NotKnownTo = null,
    HistoryAction? FollowUp = null);

public sealed record HistoryRecommendation(string Text, string Category, IReadOnlyList<HistoryAction> Actions);

/// <summary>An action, due and done so many days after the cycle started.</summary>
public sealed record HistoryAction(string Owner, string Description, string Measure, int DueDay, int DoneDay);

/// <summary>One command of the story and when it was sent; a chronology step also says which file the agency sent.</summary>
public sealed record HistoryStep(DateTimeOffset At, CycleCommand Command, string? ChronologyFor = null);

public static class HistoryScript
{
    // Days after the start at which each stage happened; the meeting only in an in-depth audit.
    private const int Nominated = 2, Selected = 14, Submitted = 25, Proposed = 27, Answered = 29, Booked = 31, MeetingDay = 42;

    public static string ChronologyId(string agency, string caseRef) => $"doc-seed-{agency}-{caseRef}".ToLowerInvariant();

    public static IReadOnlyList<HistoryStep> Steps(HistoryCycle c)
    {
        var day0 = WorkingCalendar.AtUkTime(c.Started, new TimeOnly(10, 0));
        DateTimeOffset Day(int d, int minute = 0) => day0.AddDays(d).AddMinutes(minute);
        var inDepth = c.AuditType == AuditType.InDepth;
        var learnDay = inDepth ? MeetingDay + 2 : Submitted + 5;
        var steps = new List<HistoryStep> { new(Day(0, 1), new OpenNominations()) };

        steps.AddRange(c.Cases.Select((k, i) => new HistoryStep(Day(Nominated, i),
            new NominateCase(k.NominatedBy, k.Ref, k.AgeBand, k.Gender, k.Ethnicity, false, k.InScope, k.Reason))));
        steps.Add(new(Day(Selected), new CloseNominations()));
        steps.Add(new(Day(Selected, 1), new SelectCases(c.Cases.Select(k => new SelectedCase(k.Ref, k.InScope)).ToList())));
        foreach (var k in c.Cases)
            foreach (var agency in k.InScope)
                steps.Add(k.NotKnownTo?.Contains(agency) == true
                    ? new(Day(Submitted), new DeclareNotKnown(agency, k.Ref, "Searched the case records; this child is not known to us."))
                    : new(Day(Submitted), new SubmitAuditTool(agency, k.Ref, ChronologyId(agency, k.Ref), Answers(k, agency)), agency));

        if (inDepth)
        {
            var attendees = c.Cases.SelectMany(k => k.InScope).Distinct().Order(StringComparer.Ordinal).ToList();
            steps.Add(new(Day(Proposed), new ProposeMeetingSlots(
                [new(Day(MeetingDay), Day(MeetingDay).AddHours(2)), new(Day(MeetingDay + 1), Day(MeetingDay + 1).AddHours(2))],
                "Northvale civic centre, room 2")));
            steps.AddRange(attendees.Select(a => new HistoryStep(Day(Answered),
                new GiveAvailability(a, new Dictionary<string, bool> { ["S1"] = true, ["S2"] = a.Length % 2 == 0 }))));
            steps.Add(new(Day(Booked), new BookMeeting("S1")));
            steps.Add(new(Day(MeetingDay, 150), new RecordMeetingHeld()));
        }

        steps.AddRange(c.Cases.Select(k => new HistoryStep(Day(learnDay),
            new RecordCaseFindings(k.Ref, k.Strengths, k.Findings, k.Gradings.Where(g => !(k.NotKnownTo ?? []).Contains(g.Key))
                .ToDictionary(), k.Assurance))));
        steps.AddRange(c.Recommendations.Select(r => new HistoryStep(Day(learnDay, 1), new AddRecommendation(r.Text, r.Category))));
        steps.Add(new(Day(learnDay, 2), new CompleteFindings()));
        steps.Add(new(Day(learnDay + 7), new DraftLearningSummary(c.Summary)));
        steps.Add(new(Day(learnDay + 8), new SubmitSummaryForReview()));
        steps.Add(new(Day(learnDay + 10), new ApproveSummary()));
        steps.Add(new(Day(learnDay + 12), new PublishSummary()));

        // Actions are numbered A1, A2… in the order they are added; each is completed and then verified a week later.
        var actions = c.Recommendations
            .SelectMany((r, i) => r.Actions.Select(a => (Rec: (string?)$"R{i + 1}", Case: (string?)null, Action: a)))
            .Concat(c.Cases.Where(k => k.FollowUp is not null).Select(k => (Rec: (string?)null, Case: (string?)k.Ref, Action: k.FollowUp!)))
            .ToList();
        var planDay = learnDay + 14;
        steps.AddRange(actions.Select((a, i) => new HistoryStep(Day(planDay, i), new AddAction(a.Rec, a.Action.Owner, a.Action.Description,
            c.Started.AddDays(a.Action.DueDay), a.Action.Measure, a.Case))));
        steps.Add(new(Day(planDay, actions.Count), new AgreeActionPlan()));
        for (var i = 0; i < actions.Count; i++)
        {
            var (id, action) = ($"A{i + 1}", actions[i].Action);
            steps.Add(new(Day(action.DoneDay), new CompleteAction(id, action.Owner, "Done; evidence held by the owner.")));
            steps.Add(new(Day(action.DoneDay + 7, i), new VerifyAction(id)));
        }
        return steps.OrderBy(s => s.At).ToList(); // stable: steps of the same moment keep their order
    }

    /// <summary>The audit tool answered in full: the case's grade for the agency on every question.</summary>
    private static List<AuditAnswer> Answers(HistoryCase k, string agency)
    {
        var grade = k.Gradings.GetValueOrDefault(agency, Grade.Good);
        return DefaultAuditTool.Questions.Select(q => new AuditAnswer(q.Number, grade,
            grade == Grade.RequiresImprovement ? "Some of this was done, but not consistently." : "Done and recorded.",
            q.AsksYesNo ? grade != Grade.Inadequate : null)).ToList();
    }
}

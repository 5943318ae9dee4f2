using System.Text.RegularExpressions;
using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Nominations;
using Maca.Orchestrations.Submissions;
using static Maca.Orchestrations.Cycles.Decide;

namespace Maca.Orchestrations.Cycles;

/// <summary>Starting, stopping, pausing and resuming a cycle.</summary>
public sealed partial class LifecycleRules(WorkingCalendar calendar, NominationRules nominations)
{
    public Decision Start(StartCycle c, CycleState s, DateTimeOffset now)
    {
        if (s.Phase != CyclePhase.NotStarted) return s.CycleId == c.CycleId ? Decision.NoOp : Rejection.Rule("This cycle has already started.");
        if (StartProblem(c) is { } problem) return problem;

        var today = WorkingCalendar.UkDate(now);
        var openDate = calendar.NextWorkingDayOnOrAfter(c.Timetable.NominationsOpen ?? today);
        var openAt = openDate == today ? now : WorkingCalendar.AtUkTime(openDate, WorkingCalendar.ChaserTime);
        var closeDate = c.Timetable.NominationsClose ?? calendar.AddWorkingDays(openDate, DefaultDurations.NominationWorkingDays);
        if (openDate < today) return Rejection.Invalid("timetable.nominationsOpen", "Nominations cannot open in the past.");
        if (closeDate <= openDate) return Rejection.Invalid("timetable.nominationsClose", "Nominations must close after they open.");
        if (c.Timetable.SubmissionDeadline is { } deadline && deadline <= closeDate)
            return Rejection.Invalid("timetable.submissionDeadline", "The submission deadline must fall after nominations close.");

        var started = new CycleStarted(c.CycleId, c.PartnershipId, c.Theme.Trim(), c.AuditType, c.Agencies, c.TargetCases, c.Contacts,
            openAt, calendar.DeadlineOn(closeDate), c.Timetable.SubmissionDeadline, c.Timetable.MeetingTarget,
            c.SubmissionLadder ?? ChaserLadder.DefaultSubmission, c.ActionLadder ?? ChaserLadder.DefaultAction,
            c.Questions ?? DefaultAuditTool.Questions, c.NominatingAgencies?.Distinct().Order(StringComparer.Ordinal).ToList());
        var state = Preview(s, [started]);
        return openAt <= now
            ? Decision.Accept([started, .. nominations.Open(state, now)])
            : Decision.Accept(started, new StepsScheduled([ScheduledStep.Create(openAt, StepPurpose.OpenNominations)]));
    }

    private static Rejection? StartProblem(StartCycle c)
    {
        if (string.IsNullOrWhiteSpace(c.CycleId)) return Rejection.Invalid("cycleId", "A cycle needs an id.");
        if (string.IsNullOrWhiteSpace(c.Theme)) return Rejection.Invalid("theme", "Choose the audit's theme.");
        if (c.Agencies.Count < 2) return Rejection.Invalid("agencies", "A multi-agency audit needs at least two agencies in scope.");
        if (c.Agencies.Count > CycleLimits.MaxAgencies)
            return Rejection.Invalid("agencies", $"An audit can include at most {CycleLimits.MaxAgencies} agencies; this one names {c.Agencies.Count}.");
        if (c.Agencies.GroupBy(a => a.Code).Any(g => g.Count() > 1)) return Rejection.Invalid("agencies", "Each agency can be in scope only once.");
        foreach (var agency in c.Agencies)
            foreach (var (field, email) in new[] { ("leadEmail", agency.LeadEmail), ("qaEmail", agency.QaEmail), ("seniorEmail", agency.SeniorEmail) })
                if (!IsEmail(email)) return Rejection.Invalid($"agencies.{agency.Code}.{field}", $"{agency.Name} has no valid {field}.");
        foreach (var (field, email) in new[] { ("contacts.coordinatorEmail", c.Contacts.CoordinatorEmail),
                     ("contacts.managerEmail", c.Contacts.ManagerEmail), ("contacts.learningDevelopmentEmail", c.Contacts.LearningDevelopmentEmail) })
            if (!IsEmail(email)) return Rejection.Invalid(field, $"Enter a valid email address for {field}.");
        if (c.NominatingAgencies is { } nominators)
        {
            if (nominators.Count == 0) return Rejection.Invalid("nominatingAgencies", "Choose at least one agency to nominate cases, or leave it out so every agency does.");
            if (nominators.FirstOrDefault(code => c.Agencies.All(a => a.Code != code)) is { } stranger)
                return Rejection.Invalid("nominatingAgencies", $"{stranger} is not one of this audit's agencies, so it cannot nominate.");
        }
        if (c.TargetCases is < 1 or > 20) return Rejection.Invalid("targetCases", "An audit looks at between 1 and 20 cases.");
        if (c.SubmissionLadder?.Problem() is { } ladder) return Rejection.Invalid("submissionLadder", ladder);
        if (c.ActionLadder?.Problem() is { } actionLadder) return Rejection.Invalid("actionLadder", actionLadder);
        if (c.Questions is { } questions && (questions.Count == 0 || questions.GroupBy(q => q.Number).Any(g => g.Count() > 1)))
            return Rejection.Invalid("questions", "The audit tool needs at least one question, each with its own number.");
        return c.Questions is null ? null : QuestionProblem(c.Questions);
    }

    /// <summary>Agencies answer each question by its number and read its area and text: none may be missing.</summary>
    private static Rejection? QuestionProblem(IReadOnlyList<AuditQuestion> questions)
    {
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            if (q.Number is < 1 or > MaxQuestionNumber)
                return Rejection.Invalid($"questions[{i}].number",
                    $"Number the questions from 1 to {MaxQuestionNumber}; {q.Number} is not a question number.");
            if (string.IsNullOrWhiteSpace(q.Text))
                return Rejection.Invalid($"questions[{i}].text", $"Write the wording of question {q.Number}.");
            if (string.IsNullOrWhiteSpace(q.Area))
                return Rejection.Invalid($"questions[{i}].area", $"Say which area question {q.Number} is about.");
        }
        return null;
    }

    private const int MaxQuestionNumber = 99;

    public static Decision Terminate(TerminateCycle c, CycleState s) => s.Phase switch
    {
        CyclePhase.Terminated => Decision.NoOp,
        CyclePhase.Closed => Rejection.Phase(s.Phase, "terminate the cycle"),
        _ => Decision.Accept(new CycleTerminated(Required(c.Reason))),
    };

    public static Decision Suspend(SuspendCycle c, CycleState s) => s.Suspended ? Decision.NoOp : Decision.Accept(new CycleSuspended(Required(c.Reason)));

    public static Decision Resume(CycleState s) => s.Suspended ? Decision.Accept(new CycleResumed()) : Decision.NoOp;

    private static bool IsEmail(string? value) => value is not null && EmailShape().IsMatch(value);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();
}

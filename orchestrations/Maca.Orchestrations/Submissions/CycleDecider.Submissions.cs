using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Nominations;
using Maca.Orchestrations.Notifications;
using Maca.Orchestrations.Submissions;

namespace Maca.Orchestrations.Cycles;

public sealed partial class CycleDecider
{
    private const int MaxCommentLength = 4000;

    private static Decision SaveDraft(SaveSubmissionDraft c, CycleState s)
    {
        if (PairProblem(c.AgencyCode, c.CaseRef, s, "save a draft") is { } problem) return problem;
        if (AnswersProblem(c.Answers, s, complete: false) is { } answers) return answers;
        if (DocumentProblem(s, c.ChronologyRef, c.AgencyCode, DocumentKind.Chronology, "chronologyRef") is { } file) return file;
        return Decision.Accept(new SubmissionDraftSaved(c.AgencyCode, c.CaseRef, c.Answers, c.ChronologyRef));
    }

    private static Decision Submit(SubmitAuditTool c, CycleState s)
    {
        var key = CycleState.SubmissionKey(c.AgencyCode, c.CaseRef);
        if (s.Submissions.TryGetValue(key, out var existing) && existing.Status == SubmissionStatus.Submitted && existing.ChronologyRef == c.ChronologyRef)
            return Decision.NoOp;
        if (PairProblem(c.AgencyCode, c.CaseRef, s, "submit") is { } problem) return problem;
        if (string.IsNullOrWhiteSpace(c.ChronologyRef)) return Rejection.Invalid("chronologyRef", "Upload the chronology before you submit.");
        if (DocumentProblem(s, c.ChronologyRef, c.AgencyCode, DocumentKind.Chronology, "chronologyRef") is { } file) return file;
        if (AnswersProblem(c.Answers, s, complete: true) is { } answers) return answers;
        return Decision.Accept(AfterSubmission(s, new AuditToolSubmitted(c.AgencyCode, c.CaseRef, c.ChronologyRef, c.Answers)));
    }

    private static Decision DeclareNotKnown(DeclareNotKnown c, CycleState s)
    {
        if (s.Submissions.TryGetValue(CycleState.SubmissionKey(c.AgencyCode, c.CaseRef), out var existing) && existing.Status == SubmissionStatus.NotKnown)
            return Decision.NoOp;
        if (PairProblem(c.AgencyCode, c.CaseRef, s, "declare a case not known") is { } problem) return problem;
        if (IdentifierGuard.TextProblem(c.Note) is { } text) return Rejection.Invalid("note", text);
        return Decision.Accept(AfterSubmission(s, new NotKnownDeclared(c.AgencyCode, c.CaseRef, c.Note?.Trim() ?? "")));
    }

    /// <summary>Once an agency owes nothing, its chasers stop; once nobody owes anything, the phase ends.</summary>
    private static IEnumerable<CycleEvent> AfterSubmission(CycleState s, CycleEvent submitted)
    {
        var events = new List<CycleEvent> { submitted };
        var state = Preview(s, events);
        var agency = submitted is AuditToolSubmitted a ? a.AgencyCode : ((NotKnownDeclared)submitted).AgencyCode;
        if (state.OutstandingCases(agency).Count == 0 &&
            Cancel(state, x => x.Purpose == StepPurpose.SubmissionChaser && x.AgencyCode == agency, $"{agency} has submitted everything") is { } stop)
            events.Add(stop);
        if (state.AgenciesInScope.All(code => state.OutstandingCases(code).Count == 0))
            events.Add(new SubmissionsClosed([]));
        return events;
    }

    private static Rejection? PairProblem(string agency, string caseRef, CycleState s, string action)
    {
        if (s.Phase != CyclePhase.AwaitingSubmissions) return Rejection.Phase(s.Phase, action);
        if (!s.Agencies.ContainsKey(agency)) return Rejection.Missing($"Agency {agency}");
        if (!s.Submissions.TryGetValue(CycleState.SubmissionKey(agency, caseRef), out var record))
            return Rejection.Missing($"Case {caseRef} for agency {agency}");
        return record.Status is SubmissionStatus.Submitted or SubmissionStatus.NotKnown
            ? Rejection.Rule($"{agency} has already responded for case {caseRef}. Ask the coordinator if it needs correcting.")
            : null;
    }

    private static Rejection? AnswersProblem(IReadOnlyList<AuditAnswer> answers, CycleState s, bool complete)
    {
        var questions = s.Questions.ToDictionary(q => q.Number);
        foreach (var answer in answers)
        {
            if (!questions.TryGetValue(answer.Question, out var question)) return Rejection.Invalid("answers", $"There is no question {answer.Question}.");
            var field = $"answers.{answer.Question}";
            if (complete && string.IsNullOrWhiteSpace(answer.Comment)) return Rejection.Invalid(field, $"Add a comment for question {answer.Question} ({question.Area}).");
            if (answer.Comment?.Length > MaxCommentLength) return Rejection.Invalid(field, $"Keep the comment for question {answer.Question} under {MaxCommentLength} characters.");
            if (IdentifierGuard.TextProblem(answer.Comment) is { } text) return Rejection.Invalid(field, text);
            if (complete && question.AsksYesNo && answer.Yes is null) return Rejection.Invalid(field, $"Answer yes or no for question {answer.Question}.");
        }
        if (answers.GroupBy(a => a.Question).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Rejection.Invalid("answers", $"Question {twice.Key} is answered twice.");
        if (complete && questions.Keys.Except(answers.Select(a => a.Question)).Order().FirstOrDefault() is var missing and > 0)
            return Rejection.Invalid($"answers.{missing}", $"Answer question {missing} ({questions[missing].Area}) before you submit.");
        return null;
    }

    private Decision RequestExtension(RequestExtension c, CycleState s)
    {
        if (s.Phase != CyclePhase.AwaitingSubmissions) return Rejection.Phase(s.Phase, "ask for an extension");
        if (!s.Agencies.ContainsKey(c.AgencyCode)) return Rejection.Missing($"Agency {c.AgencyCode}");
        if (s.OutstandingCases(c.AgencyCode).Count == 0) return Rejection.Rule($"{c.AgencyCode} has nothing outstanding.");
        var requested = Calendar.DeadlineOn(c.NewDeadline);
        if (requested <= s.DeadlineFor(c.AgencyCode)) return Rejection.Invalid("newDeadline", "Ask for a date after the current deadline.");
        if (IdentifierGuard.TextProblem(c.Reason) is { } text) return Rejection.Invalid("reason", text);
        return s.PendingExtensions.TryGetValue(c.AgencyCode, out var pending) && pending == requested
            ? Decision.NoOp
            : Decision.Accept(new ExtensionRequested(c.AgencyCode, requested, Required(c.Reason)));
    }

    private Decision GrantExtension(GrantExtension c, CycleState s, DateTimeOffset now)
    {
        if (s.Phase != CyclePhase.AwaitingSubmissions) return Rejection.Phase(s.Phase, "grant an extension");
        if (!s.Agencies.TryGetValue(c.AgencyCode, out var agency)) return Rejection.Missing($"Agency {c.AgencyCode}");
        DateTimeOffset deadline;
        if (c.NewDeadline is { } date) deadline = Calendar.DeadlineOn(date);
        else if (s.PendingExtensions.TryGetValue(c.AgencyCode, out var requested)) deadline = requested;
        else return Rejection.Invalid("newDeadline", $"{c.AgencyCode} has not asked for an extension; give the new deadline.");
        if (deadline <= now || deadline <= s.DeadlineFor(c.AgencyCode)) return Rejection.Invalid("newDeadline", "The new deadline must be later than the current one.");

        var events = new List<CycleEvent> { new ExtensionGranted(c.AgencyCode, deadline) };
        if (Cancel(s, x => x.Purpose == StepPurpose.SubmissionChaser && x.AgencyCode == c.AgencyCode, "extension granted") is { } old) events.Add(old);
        events.Add(new StepsScheduled(Ladder(s.SubmissionLadder, deadline, now, StepPurpose.SubmissionChaser, agency: c.AgencyCode).ToList()));
        events.Add(Notify(NotificationKind.ExtensionGranted, [agency.LeadEmail], agency: c.AgencyCode,
            cases: s.OutstandingCases(c.AgencyCode), dueAt: deadline));
        return Decision.Accept(events);
    }

    private static Decision RefuseExtension(RefuseExtension c, CycleState s)
    {
        if (s.Phase != CyclePhase.AwaitingSubmissions) return Rejection.Phase(s.Phase, "refuse an extension");
        if (!s.Agencies.TryGetValue(c.AgencyCode, out var agency)) return Rejection.Missing($"Agency {c.AgencyCode}");
        if (!s.PendingExtensions.ContainsKey(c.AgencyCode)) return Rejection.Rule($"{c.AgencyCode} has no extension request waiting.");
        return Decision.Accept(new ExtensionRefused(c.AgencyCode, Required(c.Reason)),
            Notify(NotificationKind.ExtensionRefused, [agency.LeadEmail], agency: c.AgencyCode,
                cases: s.OutstandingCases(c.AgencyCode), dueAt: s.DeadlineFor(c.AgencyCode), note: Required(c.Reason)));
    }

    private static Decision CloseSubmissionsNow(CycleState s)
    {
        if (s.Phase != CyclePhase.AwaitingSubmissions) return Rejection.Phase(s.Phase, "close submissions");
        var missing = s.AgenciesInScope.SelectMany(a => s.OutstandingCases(a).Select(c => new MissingSubmission(a, c))).ToList();
        var events = new List<CycleEvent>();
        if (Cancel(s, x => x.Purpose == StepPurpose.SubmissionChaser, "coordinator proceeded") is { } stop) events.Add(stop);
        events.Add(new SubmissionsClosed(missing));
        return Decision.Accept(events);
    }

    private static IEnumerable<CycleEvent> SubmissionChaser(ScheduledStep step, CycleState s)
    {
        var agency = s.Agencies[step.AgencyCode!];
        var outstanding = s.OutstandingCases(agency.Code);
        if (outstanding.Count == 0) return [];
        var deadline = s.DeadlineFor(agency.Code);
        return [step.Chaser switch
        {
            ChaserKind.Reminder => Notify(NotificationKind.SubmissionReminder, [agency.LeadEmail], agency: agency.Code, cases: outstanding, dueAt: deadline),
            ChaserKind.DueToday => Notify(NotificationKind.SubmissionDueToday, [agency.LeadEmail], agency: agency.Code, cases: outstanding, dueAt: deadline),
            ChaserKind.Overdue => Notify(NotificationKind.SubmissionOverdue, [agency.LeadEmail], [agency.QaEmail], agency.Code, outstanding, deadline),
            _ => Notify(NotificationKind.SubmissionEscalation, [agency.SeniorEmail, s.Contacts.ManagerEmail], agency: agency.Code, cases: outstanding, dueAt: deadline),
        }];
    }
}

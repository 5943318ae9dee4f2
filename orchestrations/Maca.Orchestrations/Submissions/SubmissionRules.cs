using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Documents;
using Maca.Orchestrations.Notifications;
using Maca.Orchestrations.Privacy;
using static Maca.Orchestrations.Cycles.Decide;

namespace Maca.Orchestrations.Submissions;

/// <summary>Drafts, submissions, "not known", extensions and closing submissions. Phases are checked by the decider's table.</summary>
public sealed class SubmissionRules(WorkingCalendar calendar, Chasers chasers)
{
    private const int MaxCommentLength = 4000;

    /// <summary>The same submission again, after it took effect (even once the phase has moved on), changes nothing.</summary>
    public static bool AlreadySubmitted(SubmitAuditTool c, CycleState s) =>
        s.Submissions.TryGetValue(CycleState.SubmissionKey(c.AgencyCode, c.CaseRef), out var existing)
        && existing.Status == SubmissionStatus.Submitted && existing.ChronologyRef == c.ChronologyRef;

    public static bool AlreadyNotKnown(DeclareNotKnown c, CycleState s) =>
        s.Submissions.TryGetValue(CycleState.SubmissionKey(c.AgencyCode, c.CaseRef), out var existing) && existing.Status == SubmissionStatus.NotKnown;

    public static Decision SaveDraft(SaveSubmissionDraft c, CycleState s)
    {
        if (PairProblem(c.AgencyCode, c.CaseRef, s) is { } problem) return problem;
        if (AnswersProblem(c.Answers, s, complete: false) is { } answers) return answers;
        if (DocumentRules.Problem(s, c.ChronologyRef, c.AgencyCode, DocumentKind.Chronology, "chronologyRef") is { } file) return file;
        return Decision.Accept(new SubmissionDraftSaved(c.AgencyCode, c.CaseRef, c.Answers, c.ChronologyRef));
    }

    public static Decision Submit(SubmitAuditTool c, CycleState s)
    {
        if (PairProblem(c.AgencyCode, c.CaseRef, s) is { } problem) return problem;
        if (string.IsNullOrWhiteSpace(c.ChronologyRef)) return Rejection.Invalid("chronologyRef", "Upload the chronology before you submit.");
        if (DocumentRules.Problem(s, c.ChronologyRef, c.AgencyCode, DocumentKind.Chronology, "chronologyRef") is { } file) return file;
        if (AnswersProblem(c.Answers, s, complete: true) is { } answers) return answers;
        return Decision.Accept(AfterSubmission(s, new AuditToolSubmitted(c.AgencyCode, c.CaseRef, c.ChronologyRef, c.Answers)));
    }

    public static Decision DeclareNotKnown(DeclareNotKnown c, CycleState s)
    {
        if (PairProblem(c.AgencyCode, c.CaseRef, s) is { } problem) return problem;
        if (IdentifierGuard.TextProblem(c.Note) is { } text) return Rejection.Invalid("note", text);
        return Decision.Accept(AfterSubmission(s, new NotKnownDeclared(c.AgencyCode, c.CaseRef, c.Note?.Trim() ?? "")));
    }

    /// <summary>Once an agency owes nothing, its chasers stop; once nobody owes anything, the phase ends.</summary>
    private static IEnumerable<CycleEvent> AfterSubmission(CycleState s, CycleEvent submitted)
    {
        var events = new List<CycleEvent> { submitted };
        var state = Preview(s, events);
        var agency = submitted is AuditToolSubmitted a ? a.AgencyCode : ((NotKnownDeclared)submitted).AgencyCode;
        if (state.OutstandingCases(agency).Count == 0) events.With(Chasers.Stop(state, Chase.Submission, $"{agency} has submitted everything", agency: agency));
        if (state.AgenciesInScope.All(code => state.OutstandingCases(code).Count == 0)) events.Add(new SubmissionsClosed([]));
        return events;
    }

    /// <summary>Which of the agency's cases this is, said exactly when it is not one of them.</summary>
    private static Rejection? PairProblem(string agency, string caseRef, CycleState s)
    {
        if (string.IsNullOrWhiteSpace(agency)) return Rejection.Invalid("agencyCode", "The agency code is missing.");
        if (string.IsNullOrWhiteSpace(caseRef)) return Rejection.Invalid("caseRef", "The case reference is missing.");
        if (!s.Agencies.ContainsKey(agency)) return Rejection.Missing($"Agency {agency}");
        if (!s.Submissions.TryGetValue(CycleState.SubmissionKey(agency, caseRef), out var record))
            return s.Cases.Any(c => c.CaseRef == caseRef)
                ? Rejection.NotThere($"Case {caseRef} is in the cycle but not in {agency}'s scope.")
                : Rejection.Missing($"Case {caseRef}");
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

    public Decision RequestExtension(RequestExtension c, CycleState s)
    {
        if (!s.Agencies.ContainsKey(c.AgencyCode)) return Rejection.Missing($"Agency {c.AgencyCode}");
        if (s.OutstandingCases(c.AgencyCode).Count == 0) return Rejection.Rule($"{c.AgencyCode} has nothing outstanding.");
        var requested = calendar.DeadlineOn(c.NewDeadline);
        if (requested <= s.DeadlineFor(c.AgencyCode)) return Rejection.Invalid("newDeadline", "Ask for a date after the current deadline.");
        if (IdentifierGuard.TextProblem(c.Reason) is { } text) return Rejection.Invalid("reason", text);
        return s.PendingExtensions.TryGetValue(c.AgencyCode, out var pending) && pending == requested
            ? Decision.NoOp
            : Decision.Accept(new ExtensionRequested(c.AgencyCode, requested, Required(c.Reason)));
    }

    /// <summary>A new deadline for one agency: its chasers are laid again from it, and the lead is told.</summary>
    public Decision GrantExtension(GrantExtension c, CycleState s, DateTimeOffset now)
    {
        if (!s.Agencies.TryGetValue(c.AgencyCode, out var agency)) return Rejection.Missing($"Agency {c.AgencyCode}");
        DateTimeOffset deadline;
        if (c.NewDeadline is { } date) deadline = calendar.DeadlineOn(date);
        else if (s.PendingExtensions.TryGetValue(c.AgencyCode, out var requested)) deadline = requested;
        else return Rejection.Rule($"{c.AgencyCode} has not asked for an extension, so there is nothing to grant. "
            + "To extend its deadline anyway, give the new deadline.");
        if (deadline <= now || deadline <= s.DeadlineFor(c.AgencyCode)) return Rejection.Invalid("newDeadline", "The new deadline must be later than the current one.");

        var events = new List<CycleEvent> { new ExtensionGranted(c.AgencyCode, deadline) };
        events.AddRange(chasers.Relay(s, Chase.Submission, c.AgencyCode, deadline, now, "extension granted"));
        events.Add(Notify(NotificationKind.ExtensionGranted, [agency.LeadEmail], agency: c.AgencyCode,
            cases: s.OutstandingCases(c.AgencyCode), dueAt: deadline));
        return Decision.Accept(events);
    }

    public static Decision RefuseExtension(RefuseExtension c, CycleState s)
    {
        if (!s.Agencies.TryGetValue(c.AgencyCode, out var agency)) return Rejection.Missing($"Agency {c.AgencyCode}");
        if (!s.PendingExtensions.ContainsKey(c.AgencyCode)) return Rejection.Rule($"{c.AgencyCode} has no extension request waiting.");
        return Decision.Accept(new ExtensionRefused(c.AgencyCode, Required(c.Reason)),
            Notify(NotificationKind.ExtensionRefused, [agency.LeadEmail], agency: c.AgencyCode,
                cases: s.OutstandingCases(c.AgencyCode), dueAt: s.DeadlineFor(c.AgencyCode), note: Required(c.Reason)));
    }

    /// <summary>The coordinator goes on without what is missing; each missing response is recorded as such.</summary>
    public static Decision CloseNow(CycleState s)
    {
        var missing = s.AgenciesInScope.SelectMany(a => s.OutstandingCases(a).Select(c => new MissingSubmission(a, c))).ToList();
        return Decision.Accept(new List<CycleEvent>().With(Chasers.Stop(s, Chase.Submission, "coordinator proceeded")).Append(new SubmissionsClosed(missing)));
    }
}

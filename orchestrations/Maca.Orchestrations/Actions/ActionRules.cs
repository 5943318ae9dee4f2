using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Documents;
using Maca.Orchestrations.Privacy;
using static Maca.Orchestrations.Cycles.Decide;

namespace Maca.Orchestrations.Actions;

/// <summary>The action plan: adding and agreeing actions, then progress, completion, verification, reopening and carrying forward.</summary>
public sealed class ActionRules(WorkingCalendar calendar, Chasers chasers)
{
    public Decision Add(AddAction c, CycleState s, DateTimeOffset now)
    {
        var recommendation = string.IsNullOrWhiteSpace(c.RecommendationId) ? null : c.RecommendationId.Trim();
        var caseRef = string.IsNullOrWhiteSpace(c.CaseRef) ? null : c.CaseRef.Trim();
        if (recommendation is null && caseRef is null)
            return Rejection.Invalid("recommendationId", "Link the action to a recommendation, or to the case it follows up.");
        if (recommendation is not null && s.Recommendations.All(r => r.Id != recommendation)) return Rejection.Missing($"Recommendation {recommendation}");
        if (caseRef is not null && s.Cases.All(x => x.CaseRef != caseRef)) return Rejection.Missing($"Case {caseRef}");
        if (!ActionOwners.Exists(s, c.AgencyCode)) return Rejection.Missing($"Agency {c.AgencyCode}");
        if (string.IsNullOrWhiteSpace(c.Description)) return Rejection.Invalid("description", "Describe the action.");
        if (string.IsNullOrWhiteSpace(c.SuccessMeasure)) return Rejection.Invalid("successMeasure", "Say how you will know the action worked.");
        foreach (var text in new[] { c.Description, c.SuccessMeasure })
            if (IdentifierGuard.TextProblem(text) is { } problem) return Rejection.Invalid("description", problem);
        if (c.DueDate <= WorkingCalendar.UkDate(now)) return Rejection.Invalid("dueDate", "The due date must be in the future.");

        var id = $"A{s.ActionsAdded + 1}";
        var dueAt = calendar.DeadlineOn(c.DueDate);
        var events = new List<CycleEvent> { new ActionAdded(id, recommendation, c.AgencyCode, c.Description.Trim(), c.DueDate, dueAt, c.SuccessMeasure.Trim(), caseRef) };
        // Added to a plan already agreed: its chasers start at once.
        if (s.Phase == CyclePhase.FollowingUpActions) events.Add(new StepsScheduled(chasers.Lay(s, Chase.Action, dueAt, now, action: id).ToList()));
        return Decision.Accept(events);
    }

    public Decision Agree(CycleState s, DateTimeOffset now)
    {
        var uncovered = s.Recommendations.Where(r => s.Actions.Values.All(a => a.RecommendationId != r.Id)).Select(r => r.Id).ToList();
        if (uncovered.Count > 0) return Rejection.Rule($"Every recommendation needs an action; {string.Join(", ", uncovered)} has none.");
        var unassured = s.Findings.Where(f => f.Value.Assurance == CaseAssurance.NotSufficientlyAssured && s.Actions.Values.All(a => a.CaseRef != f.Key))
            .Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
        if (unassured.Count > 0)
            return Rejection.Rule($"Case {string.Join(", ", unassured)} is not sufficiently assured: add an action that checks it before the plan is agreed.");
        var steps = s.Actions.Values.OrderBy(a => a.Id, StringComparer.Ordinal).SelectMany(a => chasers.Lay(s, Chase.Action, a.DueAt, now, action: a.Id)).ToList();
        return Decision.Accept(new ActionPlanAgreed(), new StepsScheduled(steps));
    }

    public static Decision RecordProgress(RecordActionProgress c, CycleState s)
    {
        if (Problem(c.ActionId, c.AgencyCode, s) is { } problem) return problem;
        if (string.IsNullOrWhiteSpace(c.Note)) return Rejection.Invalid("note", "Describe the progress.");
        if (IdentifierGuard.TextProblem(c.Note) is { } text) return Rejection.Invalid("note", text);
        if (DocumentRules.Problem(s, c.EvidenceRef, c.AgencyCode, DocumentKind.Evidence, "evidenceRef") is { } file) return file;
        return Decision.Accept(new ActionProgressRecorded(c.ActionId, c.Note.Trim(), c.EvidenceRef));
    }

    public static Decision Complete(CompleteAction c, CycleState s)
    {
        if (Problem(c.ActionId, c.AgencyCode, s) is { } problem) return problem;
        if (s.Actions[c.ActionId].Status != ActionStatus.Open) return Decision.NoOp;
        return Decision.Accept(new List<CycleEvent> { new ActionCompleted(c.ActionId, c.Note?.Trim()) }
            .With(Chasers.Stop(s, Chase.Action, $"{c.ActionId} completed", action: c.ActionId)));
    }

    public static Decision Verify(VerifyAction c, CycleState s)
    {
        if (Problem(c.ActionId, null, s) is { } problem) return problem;
        return s.Actions[c.ActionId].Status switch
        {
            ActionStatus.Verified => Decision.NoOp,
            ActionStatus.Completed => Decision.Accept(WithClosure(s, new ActionVerified(c.ActionId))),
            _ => Rejection.Rule($"Action {c.ActionId} has not been marked complete by its agency."),
        };
    }

    public Decision Reopen(ReopenAction c, CycleState s, DateTimeOffset now)
    {
        if (Problem(c.ActionId, null, s) is { } problem) return problem;
        var action = s.Actions[c.ActionId];
        if (action.Status == ActionStatus.Open) return Decision.NoOp;
        return Decision.Accept(new ActionReopened(c.ActionId, Required(c.Reason)),
            new StepsScheduled(chasers.Lay(s, Chase.Action, action.DueAt, now, action: action.Id).ToList()));
    }

    public static Decision CarryForward(CarryForwardAction c, CycleState s)
    {
        if (Problem(c.ActionId, null, s) is { } problem) return problem;
        if (s.Actions[c.ActionId].Status is ActionStatus.CarriedForward) return Decision.NoOp;
        var events = new List<CycleEvent> { new ActionCarriedForward(c.ActionId, Required(c.Reason)) }
            .With(Chasers.Stop(s, Chase.Action, $"{c.ActionId} carried forward", action: c.ActionId));
        return Decision.Accept(WithClosure(s, [.. events]));
    }

    /// <summary>The cycle closes the moment every action is verified complete or carried forward.</summary>
    private static IEnumerable<CycleEvent> WithClosure(CycleState s, params CycleEvent[] events)
    {
        var state = Preview(s, events);
        var done = state.Actions.Values.All(a => a.Status is ActionStatus.Verified or ActionStatus.CarriedForward);
        return done && state.Phase == CyclePhase.FollowingUpActions ? [.. events, new CycleClosed()] : events;
    }

    private static Rejection? Problem(string actionId, string? agency, CycleState s)
    {
        if (string.IsNullOrWhiteSpace(actionId)) return Rejection.Invalid("actionId", "The action id is missing.");
        if (!s.Actions.TryGetValue(actionId, out var action)) return Rejection.Missing($"Action {actionId}");
        if (agency is not null && action.AgencyCode != agency) return Rejection.Rule($"Action {actionId} belongs to {action.AgencyCode}.");
        return null;
    }
}

using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Nominations;
using Maca.Orchestrations.Notifications;

namespace Maca.Orchestrations.Cycles;

public sealed partial class CycleDecider
{
    private Decision AddAction(AddAction c, CycleState s, DateTimeOffset now)
    {
        if (s.Phase is not (CyclePhase.ActionPlanning or CyclePhase.FollowingUpActions)) return Rejection.Phase(s.Phase, "add an action");
        if (s.Recommendations.All(r => r.Id != c.RecommendationId)) return Rejection.Missing($"Recommendation {c.RecommendationId}");
        if (!s.Agencies.ContainsKey(c.AgencyCode)) return Rejection.Missing($"Agency {c.AgencyCode}");
        if (string.IsNullOrWhiteSpace(c.Description)) return Rejection.Invalid("description", "Describe the action.");
        if (string.IsNullOrWhiteSpace(c.SuccessMeasure)) return Rejection.Invalid("successMeasure", "Say how you will know the action worked.");
        foreach (var text in new[] { c.Description, c.SuccessMeasure })
            if (IdentifierGuard.TextProblem(text) is { } problem) return Rejection.Invalid("description", problem);
        if (c.DueDate <= WorkingCalendar.UkDate(now)) return Rejection.Invalid("dueDate", "The due date must be in the future.");

        var id = $"A{s.ActionsAdded + 1}";
        var dueAt = Calendar.DeadlineOn(c.DueDate);
        var events = new List<CycleEvent> { new ActionAdded(id, c.RecommendationId, c.AgencyCode, c.Description.Trim(), c.DueDate, dueAt, c.SuccessMeasure.Trim()) };
        if (s.Phase == CyclePhase.FollowingUpActions) events.Add(new StepsScheduled(Ladder(s.ActionLadder, dueAt, now, StepPurpose.ActionChaser, action: id).ToList()));
        return Decision.Accept(events);
    }

    private Decision AgreePlan(CycleState s, DateTimeOffset now)
    {
        if (s.Phase != CyclePhase.ActionPlanning) return NoOpOr(s, CyclePhase.FollowingUpActions, "agree the action plan");
        var uncovered = s.Recommendations.Where(r => s.Actions.Values.All(a => a.RecommendationId != r.Id)).Select(r => r.Id).ToList();
        if (uncovered.Count > 0) return Rejection.Rule($"Every recommendation needs an action; {string.Join(", ", uncovered)} has none.");
        var steps = s.Actions.Values.OrderBy(a => a.Id, StringComparer.Ordinal)
            .SelectMany(a => Ladder(s.ActionLadder, a.DueAt, now, StepPurpose.ActionChaser, action: a.Id)).ToList();
        return Decision.Accept(new ActionPlanAgreed(), new StepsScheduled(steps));
    }

    private static Decision RecordProgress(RecordActionProgress c, CycleState s)
    {
        if (ActionProblem(c.ActionId, c.AgencyCode, s, "record progress") is { } problem) return problem;
        if (string.IsNullOrWhiteSpace(c.Note)) return Rejection.Invalid("note", "Describe the progress.");
        if (IdentifierGuard.TextProblem(c.Note) is { } text) return Rejection.Invalid("note", text);
        if (DocumentProblem(s, c.EvidenceRef, c.AgencyCode, DocumentKind.Evidence, "evidenceRef") is { } file) return file;
        return Decision.Accept(new ActionProgressRecorded(c.ActionId, c.Note.Trim(), c.EvidenceRef));
    }

    private static Decision CompleteAction(CompleteAction c, CycleState s)
    {
        if (ActionProblem(c.ActionId, c.AgencyCode, s, "complete an action") is { } problem) return problem;
        if (s.Actions[c.ActionId].Status != ActionStatus.Open) return Decision.NoOp;
        var events = new List<CycleEvent> { new ActionCompleted(c.ActionId, c.Note?.Trim()) };
        if (Cancel(s, x => x.ActionId == c.ActionId, $"{c.ActionId} completed") is { } stop) events.Add(stop);
        return Decision.Accept(events);
    }

    private static Decision VerifyAction(VerifyAction c, CycleState s)
    {
        if (ActionProblem(c.ActionId, null, s, "verify an action") is { } problem) return problem;
        return s.Actions[c.ActionId].Status switch
        {
            ActionStatus.Verified => Decision.NoOp,
            ActionStatus.Completed => Decision.Accept(WithClosure(s, new ActionVerified(c.ActionId))),
            _ => Rejection.Rule($"Action {c.ActionId} has not been marked complete by its agency."),
        };
    }

    private Decision ReopenAction(ReopenAction c, CycleState s, DateTimeOffset now)
    {
        if (ActionProblem(c.ActionId, null, s, "reopen an action") is { } problem) return problem;
        var action = s.Actions[c.ActionId];
        if (action.Status == ActionStatus.Open) return Decision.NoOp;
        return Decision.Accept(new ActionReopened(c.ActionId, Required(c.Reason)),
            new StepsScheduled(Ladder(s.ActionLadder, action.DueAt, now, StepPurpose.ActionChaser, action: action.Id).ToList()));
    }

    private static Decision CarryForward(CarryForwardAction c, CycleState s)
    {
        if (ActionProblem(c.ActionId, null, s, "carry an action forward") is { } problem) return problem;
        if (s.Actions[c.ActionId].Status is ActionStatus.CarriedForward) return Decision.NoOp;
        var events = new List<CycleEvent> { new ActionCarriedForward(c.ActionId, Required(c.Reason)) };
        if (Cancel(s, x => x.ActionId == c.ActionId, $"{c.ActionId} carried forward") is { } stop) events.Add(stop);
        return Decision.Accept(WithClosure(s, [.. events]));
    }

    /// <summary>The cycle closes the moment every action is verified complete or carried forward.</summary>
    private static IEnumerable<CycleEvent> WithClosure(CycleState s, params CycleEvent[] events)
    {
        var state = Preview(s, events);
        var done = state.Actions.Values.All(a => a.Status is ActionStatus.Verified or ActionStatus.CarriedForward);
        return done && state.Phase == CyclePhase.FollowingUpActions ? [.. events, new CycleClosed()] : events;
    }

    private static Rejection? ActionProblem(string actionId, string? agency, CycleState s, string what)
    {
        if (s.Phase is not (CyclePhase.ActionPlanning or CyclePhase.FollowingUpActions)) return Rejection.Phase(s.Phase, what);
        if (!s.Actions.TryGetValue(actionId, out var action)) return Rejection.Missing($"Action {actionId}");
        if (agency is not null && action.AgencyCode != agency) return Rejection.Rule($"Action {actionId} belongs to {action.AgencyCode}.");
        return null;
    }

    private static NotificationQueued ActionChaser(ScheduledStep step, CycleState s, PlanAction action)
    {
        var agency = s.Agencies[action.AgencyCode];
        return step.Chaser switch
        {
            ChaserKind.Reminder => Notify(NotificationKind.ActionReminder, [agency.LeadEmail], agency: agency.Code, dueAt: action.DueAt, action: action.Id),
            ChaserKind.DueToday => Notify(NotificationKind.ActionDueToday, [agency.LeadEmail], agency: agency.Code, dueAt: action.DueAt, action: action.Id),
            ChaserKind.Overdue => Notify(NotificationKind.ActionOverdue, [agency.LeadEmail], [agency.QaEmail], agency.Code, dueAt: action.DueAt, action: action.Id),
            _ => Notify(NotificationKind.ActionEscalation, [agency.SeniorEmail, s.Contacts.ManagerEmail], agency: agency.Code, dueAt: action.DueAt, action: action.Id),
        };
    }
}

using Maca.Orchestrations.Nominations;
using Maca.Orchestrations.Notifications;

namespace Maca.Orchestrations.Cycles;

public sealed partial class CycleDecider
{
    private static Decision DraftSummary(DraftLearningSummary c, CycleState s)
    {
        if (s.Phase != CyclePhase.DraftingSummary) return Rejection.Phase(s.Phase, "draft the learning summary");
        if (s.Summary is SummaryStatus.InReview or SummaryStatus.Approved)
            return Rejection.Rule("The summary is with the reviewer. Return it for changes before editing.");
        var content = c.Content;
        if (string.IsNullOrWhiteSpace(content.Process)) return Rejection.Invalid("content.process", "Describe how the audit was run.");
        if (content.ReflectiveQuestions.Count == 0 || content.ReflectiveQuestions.Any(string.IsNullOrWhiteSpace))
            return Rejection.Invalid("content.reflectiveQuestions", "Add at least one reflective question for practitioners.");
        foreach (var text in new[] { content.Process, content.GoodPractice, content.Resources }.Concat(content.ReflectiveQuestions))
            if (IdentifierGuard.TextProblem(text) is { } problem) return Rejection.Invalid("content", problem);
        return s.SummaryContent == content ? Decision.NoOp : Decision.Accept(new LearningSummaryDrafted(content));
    }

    private static Decision SubmitForReview(CycleState s) => s switch
    {
        { Phase: not CyclePhase.DraftingSummary } => Rejection.Phase(s.Phase, "send the summary for review"),
        { Summary: SummaryStatus.InReview } => Decision.NoOp,
        { Summary: SummaryStatus.Draft } => Decision.Accept(new LearningSummarySubmittedForReview()),
        _ => Rejection.Rule("Only a draft summary can go for review."),
    };

    private static Decision Approve(CycleState s) => s switch
    {
        { Phase: not CyclePhase.DraftingSummary } => Rejection.Phase(s.Phase, "approve the summary"),
        { Summary: SummaryStatus.Approved } => Decision.NoOp,
        { Summary: SummaryStatus.InReview } => Decision.Accept(new LearningSummaryApproved()),
        _ => Rejection.Rule("Only a summary in review can be approved."),
    };

    private static Decision ReturnSummary(ReturnSummary c, CycleState s) => s switch
    {
        { Phase: not CyclePhase.DraftingSummary } => Rejection.Phase(s.Phase, "return the summary"),
        { Summary: SummaryStatus.InReview or SummaryStatus.Approved } => Decision.Accept(new LearningSummaryReturned(Required(c.Reason))),
        _ => Rejection.Rule("Only a summary in review or approved can be returned for changes."),
    };

    private static Decision Publish(CycleState s)
    {
        if (s.Phase == CyclePhase.ActionPlanning && s.Summary == SummaryStatus.Published) return Decision.NoOp;
        if (s.Phase != CyclePhase.DraftingSummary) return Rejection.Phase(s.Phase, "publish the summary");
        if (s.Summary != SummaryStatus.Approved) return Rejection.Rule("The summary must be approved before it is published.");
        var leads = s.Agencies.Values.OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => a.LeadEmail);
        return Decision.Accept(new LearningSummaryPublished(),
            Notify(NotificationKind.LearningSummaryPublished, [.. leads, s.Contacts.LearningDevelopmentEmail]));
    }
}

using Maca.Orchestrations.Actions;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Notifications;
using Maca.Orchestrations.Privacy;
using static Maca.Orchestrations.Cycles.Decide;

namespace Maca.Orchestrations.Summaries;

/// <summary>The learning summary: draft, review, approve or return, publish. The phase is checked by the decider's table.</summary>
public static class SummaryRules
{
    public static Decision Draft(DraftLearningSummary c, CycleState s)
    {
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

    public static Decision SendForReview(CycleState s) => s.Summary switch
    {
        SummaryStatus.InReview => Decision.NoOp,
        SummaryStatus.Draft => Decision.Accept(new LearningSummarySubmittedForReview()),
        _ => Rejection.Rule("Only a draft summary can go for review."),
    };

    /// <summary>Approval reads the whole summary through the identifier guard first: every hit must be resolved.</summary>
    public static Decision Approve(CycleState s) => s.Summary switch
    {
        SummaryStatus.Approved => Decision.NoOp,
        SummaryStatus.InReview when SummaryScreen.Hits(LearningSummaryDocument.From(s)) is { Count: > 0 } hits =>
            Rejection.Rule(SummaryScreen.Explain(hits)),
        SummaryStatus.InReview => Decision.Accept(new LearningSummaryApproved()),
        _ => Rejection.Rule("Only a summary in review can be approved."),
    };

    /// <summary>The next stored version, or nothing if this one is already recorded.</summary>
    public static Decision StoreVersion(StoreSummaryVersion c, CycleState s)
    {
        if (s.SummaryVersions.FirstOrDefault(v => v.Version == c.Version) is { } stored)
            return stored.Sha256 == c.Sha256 ? Decision.NoOp : Rejection.Rule($"Version {c.Version} of the summary is already stored.");
        if (c.Version != s.SummaryVersions.Count + 1) return Rejection.Invalid("version", $"The next version is {s.SummaryVersions.Count + 1}.");
        if (c.Sha256 is not { Length: 64 } || c.ContentSha256 is not { Length: 64 }) return Rejection.Invalid("sha256", "Give SHA-256 hashes as 64 hex digits.");
        return Decision.Accept(new LearningSummaryVersionStored(c.Version, c.ContentSha256, c.Sha256, c.Bytes));
    }

    public static Decision Return(ReturnSummary c, CycleState s) => s.Summary switch
    {
        SummaryStatus.InReview or SummaryStatus.Approved => Decision.Accept(new LearningSummaryReturned(Required(c.Reason))),
        _ => Rejection.Rule("Only a summary in review or approved can be returned for changes."),
    };

    /// <summary>Published once: the same command after it took effect changes nothing.</summary>
    public static bool AlreadyPublished(CycleState s) => s.Phase == CyclePhase.ActionPlanning && s.Summary == SummaryStatus.Published;

    /// <summary>
    /// Each agency lead, and the learning and development contact, gets an email with a read-only link to the published
    /// version, never the file itself. A version named must be the latest stored one, so readers get what was approved.
    /// </summary>
    public static Decision Publish(PublishSummary c, CycleState s)
    {
        if (s.Summary != SummaryStatus.Approved) return Rejection.Rule("The summary must be approved before it is published.");
        if (c.Version is { } version && s.SummaryVersions.LastOrDefault()?.Version != version)
            return Rejection.Invalid("version", "Publish the latest stored version of the summary.");
        var readers = s.Agencies.Values.OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => (a.Code, a.LeadEmail))
            .Append((ActionOwners.LearningGroup, s.Contacts.LearningDevelopmentEmail));
        return Decision.Accept([new LearningSummaryPublished(c.Version) as CycleEvent,
            .. readers.Select(r => Notify(NotificationKind.LearningSummaryPublished, [r.Item2], agency: r.Item1))]);
    }

    /// <summary>Downloads are recorded in every phase, even after the cycle ends, like a case document's.</summary>
    public static Decision RecordDownload(RecordSummaryDownload c, CycleState s) =>
        s.SummaryVersions.Any(v => v.Version == c.Version)
            ? Decision.Accept(new LearningSummaryDownloaded(c.Version))
            : Rejection.Missing($"Version {c.Version} of the summary");
}

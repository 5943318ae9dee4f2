namespace Maca.Orchestrations.Submissions;

public enum Grade { Outstanding, Good, RequiresImprovement, Inadequate, NotApplicable }

/// <summary>One graded question of the audit tool. Some also take a yes/no answer.</summary>
public sealed record AuditQuestion(int Number, string Area, string Text, bool AsksYesNo = false);

public sealed record AuditAnswer(int Question, Grade Grade, string Comment, bool? Yes = null);

/// <summary>The questions every agency answers per case unless the cycle sets its own (wording is ours).</summary>
public static class DefaultAuditTool
{
    public static readonly IReadOnlyList<AuditQuestion> Questions =
    [
        new(1, "Chronology", "Does your agency hold a current chronology of its work with this child, and did it shape decisions?", AsksYesNo: true),
        new(2, "Voice of the child", "Did practitioners seek out, record and act on what the child said, wanted and felt, and understand daily life for them?"),
        new(3, "Family and wider network", "Were both parents, including fathers and new partners, and the wider family identified, recorded and involved?"),
        new(4, "Identity and diversity", "Were ethnicity, language, faith, disability and sexuality recorded and taken into account in assessment and plans?"),
        new(5, "Risk assessment", "Was risk judged against the whole history, not incident by incident, using the agreed tools and procedures?"),
        new(6, "Thresholds and referrals", "Were thresholds applied correctly, referrals made and followed up, and concerns escalated when nobody responded?", AsksYesNo: true),
        new(7, "Information sharing", "Was information shared with the right partners at the right time, and was your agency invited to and present at key meetings?", AsksYesNo: true),
        new(8, "Planning", "Were plans specific, shared and reviewed, with a contingency plan and, where relevant, a plan for moving to adult services?", AsksYesNo: true),
        new(9, "Management oversight", "Is there a record of supervision and management oversight, especially at changes of worker, step-down or closure?"),
        new(10, "Timeliness", "Were statutory and procedural timescales met, or did the work drift?"),
        new(11, "Outcome", "Taken as a whole, did your agency's involvement leave the child safer?"),
    ];
}

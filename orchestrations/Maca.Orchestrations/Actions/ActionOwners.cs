using Maca.Orchestrations.Cycles;

namespace Maca.Orchestrations.Actions;

/// <summary>
/// Who can own an action: an agency of the cycle, or one of the partnership's own groups. A group is written to through
/// the partnership's contacts: the coordinator for the QA group, the learning and development contact for theirs, and
/// the partnership manager at escalation.
/// </summary>
public static class ActionOwners
{
    public const string QaGroup = "QA-GROUP", LearningGroup = "LD-GROUP";

    public static bool IsPartnershipGroup(string code) => code is QaGroup or LearningGroup;

    public static bool Exists(CycleState s, string code) => IsPartnershipGroup(code) || s.Agencies.ContainsKey(code);

    /// <summary>A partnership group's name; null for any other code.</summary>
    public static string? GroupName(string code) => code switch
    {
        QaGroup => "Quality assurance group",
        LearningGroup => "Learning and development group",
        _ => null,
    };

    public static string Name(CycleState s, string code) =>
        GroupName(code) ?? (s.Agencies.TryGetValue(code, out var a) ? a.Name : code);

    /// <summary>The owner as the chasers address it.</summary>
    public static AgencyContact Contact(CycleState s, string code) => code switch
    {
        QaGroup => new(code, Name(s, code), s.Contacts.CoordinatorEmail, s.Contacts.CoordinatorEmail, s.Contacts.ManagerEmail),
        LearningGroup => new(code, Name(s, code), s.Contacts.LearningDevelopmentEmail, s.Contacts.CoordinatorEmail, s.Contacts.ManagerEmail),
        _ => s.Agencies[code],
    };

    /// <summary>An action's label: its recommendation's number and a letter per action under it (6a, 6b), or the case it follows up.</summary>
    public static string Label(CycleState s, PlanAction action)
    {
        if (action.RecommendationId is not { } rec) return action.CaseRef is { } caseRef ? $"Case {caseRef}" : action.Id;
        var siblings = s.Actions.Values.Where(a => a.RecommendationId == rec).OrderBy(a => a.Id.Length).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        var letter = (char)('a' + siblings.FindIndex(a => a.Id == action.Id));
        return $"{rec.TrimStart('R')}{letter}";
    }
}

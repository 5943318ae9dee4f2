using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Privacy;
using Maca.Orchestrations.Submissions;

namespace Maca.Orchestrations.Findings;

/// <summary>Each case's strengths, findings and gradings, the recommendations, and finishing findings.</summary>
public static class FindingsRules
{
    public static Decision Record(RecordCaseFindings c, CycleState s)
    {
        if (string.IsNullOrWhiteSpace(c.CaseRef)) return Rejection.Invalid("caseRef", "The case reference is missing.");
        var selected = s.Cases.FirstOrDefault(x => x.CaseRef == c.CaseRef);
        if (selected is null) return Rejection.Missing($"Case {c.CaseRef}");
        if (c.Strengths.Count == 0 && c.Findings.Count == 0) return Rejection.Invalid("findings", "Record at least one strength or finding.");
        foreach (var text in c.Strengths.Concat(c.Findings.Select(f => f.Text)))
        {
            if (string.IsNullOrWhiteSpace(text)) return Rejection.Invalid("findings", "A strength or finding cannot be blank.");
            if (IdentifierGuard.TextProblem(text) is { } problem) return Rejection.Invalid("findings", problem);
        }
        foreach (var finding in c.Findings)
        {
            if (finding.Themes.Count == 0) return Rejection.Invalid("findings.themes", $"Tag the finding \"{Short(finding.Text)}\" with at least one learning theme.");
            if (finding.Themes.FirstOrDefault(t => LearningThemes.CodeOf(t) is null) is { } unknown)
                return Rejection.Invalid("findings.themes",
                    $"\"{unknown}\" is not a learning theme. Give a code or a name from this list: "
                    + $"{LearningThemes.Listed}.");
        }
        if (c.Gradings.Keys.FirstOrDefault(a => !selected.AgenciesInScope.Contains(a)) is { } outOfScope)
            return Rejection.Invalid("gradings", $"Case {c.CaseRef} is in the cycle but not in {outOfScope}'s scope, so {outOfScope} cannot be graded for it.");
        if (c.Gradings.Values.Any(g => g == Grade.NotApplicable)) return Rejection.Invalid("gradings", "Grade each agency from Outstanding to Inadequate.");
        // Recorded by code, however it was named, so learning compares across cycles.
        var findings = c.Findings.Select(f =>
            new Finding(f.Text.Trim(), f.Themes.Select(t => LearningThemes.CodeOf(t)!).Distinct().ToList())).ToList();
        return Decision.Accept(new CaseFindingsRecorded(c.CaseRef, c.Strengths.Select(x => x.Trim()).ToList(), findings, c.Gradings, c.Assurance));
    }

    public static Decision Recommend(AddRecommendation c, CycleState s)
    {
        if (string.IsNullOrWhiteSpace(c.Text)) return Rejection.Invalid("text", "Write the recommendation.");
        if (!RecommendationCategories.All.Contains(c.Category))
            return Rejection.Invalid("category", $"Choose a category: {string.Join(", ", RecommendationCategories.All)}.");
        if (s.Recommendations.Any(r => r.Text == c.Text.Trim() && r.Category == c.Category)) return Decision.NoOp;
        return Decision.Accept(new RecommendationAdded($"R{s.Recommendations.Count + 1}", c.Text.Trim(), c.Category));
    }

    public static Decision Complete(CycleState s)
    {
        var without = s.Cases.Where(x => !s.Findings.ContainsKey(x.CaseRef)).Select(x => x.CaseRef).ToList();
        if (without.Count > 0) return Rejection.Rule($"Record findings for {string.Join(", ", without)} first.");
        if (s.Recommendations.IsEmpty) return Rejection.Rule("Add at least one recommendation first.");
        return Decision.Accept(new FindingsCompleted());
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

using Maca.Orchestrations.Findings;
using Maca.Orchestrations.Nominations;
using Maca.Orchestrations.Submissions;

namespace Maca.Orchestrations.Cycles;

public sealed partial class CycleDecider
{
    private static Decision RecordFindings(RecordCaseFindings c, CycleState s)
    {
        if (s.Phase != CyclePhase.RecordingFindings) return Rejection.Phase(s.Phase, "record findings");
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
            if (finding.Themes.FirstOrDefault(t => !LearningThemes.All.ContainsKey(t)) is { } unknown)
                return Rejection.Invalid("findings.themes", $"{unknown} is not a learning theme. Use one of {string.Join(", ", LearningThemes.All.Keys)}.");
        }
        if (c.Gradings.Keys.FirstOrDefault(a => !selected.AgenciesInScope.Contains(a)) is { } outOfScope)
            return Rejection.Invalid("gradings", $"{outOfScope} was not in scope for case {c.CaseRef}.");
        if (c.Gradings.Values.Any(g => g == Grade.NotApplicable)) return Rejection.Invalid("gradings", "Grade each agency from Outstanding to Inadequate.");
        var findings = c.Findings.Select(f => new Finding(f.Text.Trim(), f.Themes.Distinct().ToList())).ToList();
        return Decision.Accept(new CaseFindingsRecorded(c.CaseRef, c.Strengths.Select(x => x.Trim()).ToList(), findings, c.Gradings));
    }

    private static Decision AddRecommendation(AddRecommendation c, CycleState s)
    {
        if (s.Phase != CyclePhase.RecordingFindings) return Rejection.Phase(s.Phase, "add a recommendation");
        if (string.IsNullOrWhiteSpace(c.Text)) return Rejection.Invalid("text", "Write the recommendation.");
        if (!RecommendationCategories.All.Contains(c.Category))
            return Rejection.Invalid("category", $"Choose a category: {string.Join(", ", RecommendationCategories.All)}.");
        if (s.Recommendations.Any(r => r.Text == c.Text.Trim() && r.Category == c.Category)) return Decision.NoOp;
        return Decision.Accept(new RecommendationAdded($"R{s.Recommendations.Count + 1}", c.Text.Trim(), c.Category));
    }

    private static Decision FinishFindings(CycleState s)
    {
        if (s.Phase != CyclePhase.RecordingFindings) return NoOpOr(s, CyclePhase.DraftingSummary, "complete the findings");
        var without = s.Cases.Where(x => !s.Findings.ContainsKey(x.CaseRef)).Select(x => x.CaseRef).ToList();
        if (without.Count > 0) return Rejection.Rule($"Record findings for {string.Join(", ", without)} first.");
        if (s.Recommendations.IsEmpty) return Rejection.Rule("Add at least one recommendation first.");
        return Decision.Accept(new FindingsCompleted());
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

using Maca.Functions.Workflow;
using Maca.Functions.Cycles;
using Maca.Functions.Input;
using Maca.Functions.Pages.Shared;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Findings;
using Maca.Orchestrations.Submissions;
using Microsoft.AspNetCore.Mvc;

namespace Maca.Functions.Pages.Cycles;

/// <summary>One case's findings: strengths one per line, up to three findings each tagged with themes by name, a grade per agency.</summary>
public sealed class CaseFindingsModel(CycleStore store, CycleGateway engine) : CoordinatorCyclePage(store, engine)
{
    public const int FindingRows = 3;
    public string CaseRef { get; private set; } = "";
    public Orchestrations.Nominations.SelectedCase Selected { get; private set; } = null!;
    [BindProperty] public string? Strengths { get; set; }
    [BindProperty] public List<string?> FindingTexts { get; set; } = [];
    public Dictionary<int, HashSet<string>> FindingThemes { get; } = [];
    public Dictionary<string, string?> Grades { get; } = [];
    [BindProperty] public string? Assurance { get; set; }

    public static readonly (string Value, string Words)[] AssuranceChoices =
        [("Assured", "Assured"), ("PartiallyAssured", "Partially assured"), ("NotSufficientlyAssured", "Not sufficiently assured: a follow-up check is needed")];

    public static readonly Grade[] Gradable = [Grade.Outstanding, Grade.Good, Grade.RequiresImprovement, Grade.Inadequate];

    protected override Task ShowingAsync()
    {
        if (Cycle.Findings.GetValueOrDefault(CaseRef) is not { } recorded) return Task.CompletedTask;
        Strengths = string.Join("\n", recorded.Strengths);
        FindingTexts = recorded.Findings.Select(f => (string?)f.Text).ToList();
        for (var i = 0; i < recorded.Findings.Count; i++) FindingThemes[i] = [.. recorded.Findings[i].Themes];
        foreach (var (agency, grade) in recorded.Gradings) Grades[agency] = grade.ToString();
        Assurance = recorded.Assurance?.ToString();
        return Task.CompletedTask;
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var strengths = (Strengths ?? "").Split('\n').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        var findings = new List<FindingInput>();
        for (var i = 0; i < FindingRows; i++)
        {
            FindingThemes[i] = Request.Form[$"themes-{i}"].OfType<string>().Where(LearningThemes.All.ContainsKey).ToHashSet();
            var text = FindingTexts.ElementAtOrDefault(i)?.Trim();
            if (string.IsNullOrEmpty(text)) continue;
            if (FindingThemes[i].Count == 0) Errors.Add($"themes-{i}", $"Tag finding {i + 1} with at least one learning theme");
            findings.Add(new FindingInput(text, [.. FindingThemes[i]]));
        }
        if (strengths.Count == 0 && findings.Count == 0) Errors.Add("strengths", "Record at least one strength or finding");
        foreach (var text in strengths.Concat(findings.Select(f => f.Text)))
            Errors.Text("strengths", text);
        var gradings = new Dictionary<string, Grade>();
        foreach (var agency in Selected.AgenciesInScope)
        {
            Grades[agency] = Request.Form[$"grade-{agency}"].FirstOrDefault();
            if (Enum.TryParse<Grade>(Grades[agency], out var g) && Gradable.Contains(g) && !int.TryParse(Grades[agency], out _)) gradings[agency] = g;
            else Errors.Add($"grade-{agency}", $"Grade {Cycle.Agencies[agency].Name}");
        }
        CaseAssurance? assurance = Enum.TryParse<CaseAssurance>(Assurance, out var a) && AssuranceChoices.Any(x => x.Value == Assurance) ? a : null;
        if (!string.IsNullOrEmpty(Assurance) && assurance is null) Errors.Add("assurance", "Choose how far the audit is assured about this case");
        return await SendAsync(new RecordCaseFindings(CaseRef, strengths, findings, gradings, assurance), "strengths",
            $"Findings for case {CaseRef} are recorded.", ct, $"/cycles/{id}/findings");
    }

    /// <summary>The case comes from the address too: a case not in this cycle answers 404.</summary>
    protected override async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var caseRef = RouteData.Values["caseRef"] as string;
        if (!await base.LoadAsync(id, ct) || Cycle.Cases.FirstOrDefault(c => c.CaseRef == caseRef) is not { } selected) return false;
        (CaseRef, Selected) = (selected.CaseRef, selected);
        return true;
    }
}

using Maca.Functions.Workflow;
using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Functions.Input;
using Maca.Functions.Pages.Shared;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Nominations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Cycles;

/// <summary>
/// The coordinator chooses the cases: every nomination, the suggested cross-section ticked to start with, how much
/// of the nominated variety the suggestion covers, and per case the agencies in scope. Sends SelectCases.
/// </summary>
public sealed class SelectionModel(CycleStore store, CycleGateway engine) : PageModel
{
    public CycleState Cycle { get; private set; } = CycleState.Initial;
    public CrossSection Suggestion { get; private set; } = new([], []);
    public FormErrors Errors { get; } = new();
    public HashSet<string> Chosen { get; private set; } = [];
    public Dictionary<string, HashSet<string>> Scope { get; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Chosen = Suggestion.Suggested.Select(n => n.CaseRef).ToHashSet();
        foreach (var n in Cycle.Nominations) Scope[n.CaseRef] = n.AgenciesInvolved.Where(Cycle.Agencies.ContainsKey).ToHashSet();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Chosen = Request.Form["selected"].OfType<string>().ToHashSet();
        foreach (var n in Cycle.Nominations) Scope[n.CaseRef] = Request.Form[$"scope-{n.CaseRef}"].OfType<string>().ToHashSet();
        if (Chosen.Count == 0) Errors.Add("selected", "Select at least one case");
        foreach (var caseRef in Chosen.Where(c => Scope.GetValueOrDefault(c) is not { Count: > 0 }))
            Errors.Add($"scope-{caseRef}", $"Choose at least one agency in scope for case {caseRef}");
        if (!Errors.Any)
        {
            var command = new SelectCases(Cycle.Nominations.Where(n => Chosen.Contains(n.CaseRef))
                .Select(n => new SelectedCase(n.CaseRef, Scope[n.CaseRef].Order(StringComparer.Ordinal).ToList())).ToList());
            Errors.AddAll(InputScreen.Problems(command));
            if (!Errors.Any)
            {
                var result = await engine.ExecuteAsync(id, command, actor: User.Actor(), ct: ct);
                if (result.Rejection is null)
                {
                    var notice = $"{command.Cases.Count} cases selected. The agencies are being asked for their submissions.";
                    return RedirectToPage("/Cycles/Dashboard", new { id, notice });
                }
                Errors.Add("selected", result.Rejection.Message);
            }
        }
        ViewData["HasErrors"] = true;
        return Page();
    }

    public static string Facet(string facet) => facet switch
    {
        "ageBand" => "Age bands",
        "gender" => "Genders",
        "ethnicity" => "Ethnicities",
        "disability" => "Disability",
        _ => "Agencies involved",
    };

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (await store.ForCoordinatorAsync(id, User, ct) is not { } cycle) return false;
        Cycle = cycle;
        Suggestion = CrossSectionSuggester.Suggest(Cycle.Nominations, Cycle.TargetCases);
        return true;
    }
}

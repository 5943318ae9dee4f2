using Maca.Functions.Access;
using Maca.Functions.ActionPlans;
using Maca.Functions.Cycles;
using Maca.Functions.Directory;
using Maca.Orchestrations.Reading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Plans;

/// <summary>Recurring learning across every cycle of a partnership: which themes come back, and whether actions changed anything.</summary>
public sealed class LearningModel(DirectoryStore directory, CycleStore store) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Partnership { get; set; }
    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];
    public IReadOnlyList<ThemeRecord> Themes { get; private set; } = [];
    public IReadOnlyList<(string Id, string Theme)> Cycles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Partnerships = (await directory.PartnershipsAsync(ct)).Where(p => User.RunsPartnership(p.Id)).ToList();
        if (Partnership is null && Partnerships.Count == 0) return Page();
        Partnership ??= Partnerships[0].Id;
        if (Partnerships.All(p => p.Id != Partnership)) return NotFound();
        var cycles = (await PartnershipCycles.AllAsync(store, Partnership, ct)).Where(c => !c.Findings.IsEmpty).OrderBy(c => c.CreatedAt).ToList();
        Themes = RecurringLearning.Of(cycles);
        Cycles = cycles.Select(c => (c.CycleId, c.Theme)).ToList();
        return Page();
    }
}

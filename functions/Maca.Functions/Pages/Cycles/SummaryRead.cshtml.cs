using Maca.Functions.Cycles;
using Maca.Functions.Directory;
using Maca.Functions.Pages.Shared;
using Maca.Orchestrations.Summaries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Cycles;

/// <summary>The learning summary as an accessible web page: the same document the Word version is written from.</summary>
public sealed class SummaryReadModel(CycleStore store, DirectoryStore directory) : PageModel
{
    public LearningSummaryDocument Document { get; private set; } = null!;
    public string PartnershipName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await store.ForCoordinatorAsync(id, User, ct) is not { SummaryContent: not null } cycle) return NotFound();
        Document = LearningSummaryDocument.From(cycle);
        PartnershipName = (await directory.GetPartnershipAsync(cycle.PartnershipId, ct))?.Name ?? cycle.PartnershipId;
        return Page();
    }
}

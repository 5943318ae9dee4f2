using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Cycles;

/// <summary>Every cycle this coordinator runs, newest first, filtered by phase, status and theme.</summary>
public sealed class IndexModel(CycleQueries queries) : PageModel
{
    private const int MostShown = 200;

    [BindProperty(SupportsGet = true)] public CyclePhase? Phase { get; set; }
    [BindProperty(SupportsGet = true)] public RuntimeStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }

    public IReadOnlyList<CycleStatusDocument> Cycles { get; private set; } = [];
    public IReadOnlyList<string> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var statuses = Status is { } s ? new[] { s } : [];
        var page = await queries.ListAsync(new(User.VisiblePartnerships(null), statuses, null, null, MostShown, null), ct);
        Themes = page.Items.Select(c => c.CustomStatus.Theme).Distinct().Order().ToList();
        Cycles = page.Items
            .Where(c => Phase is null || c.CustomStatus.Phase == Phase.ToString())
            .Where(c => string.IsNullOrEmpty(Theme) || c.CustomStatus.Theme == Theme)
            .OrderByDescending(c => c.CreatedTime)
            .ToList();
    }
}

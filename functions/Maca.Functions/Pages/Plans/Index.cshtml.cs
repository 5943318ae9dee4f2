using Maca.Functions.Access;
using Maca.Functions.ActionPlans;
using Maca.Functions.Directory;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Plans;

/// <summary>
/// The composite action plan: every action of every open cycle of a partnership, filtered by owner, status, theme and
/// cycle, and exported as Excel or CSV with the same filters.
/// </summary>
public sealed class IndexModel(DirectoryStore directory, CompositeActionPlan plan) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Partnership { get; set; }
    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public ActionStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cycle { get; set; }

    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];
    public IReadOnlyList<PlanRow> All { get; private set; } = [];
    public IReadOnlyList<PlanRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => await LoadAsync(ct)
        ? Download(PlanXlsx.Write(Rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx") : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => await LoadAsync(ct)
        ? Download(PlanCsv.Write(Rows), "text/csv; charset=utf-8", "csv") : NotFound();

    private FileContentResult Download(byte[] bytes, string type, string extension)
    {
        Response.Headers.CacheControl = "no-store";
        return File(bytes, type, $"action-plan-{Partnership}.{extension}");
    }

    /// <summary>Only a partnership this coordinator runs; another one answers 404, as if it did not exist.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Partnerships = (await directory.PartnershipsAsync(ct)).Where(p => User.RunsPartnership(p.Id)).ToList();
        if (Partnership is null && Partnerships.Count == 0) return true; // nothing to show yet, and nothing to hide
        Partnership ??= Partnerships[0].Id;
        if (Partnerships.All(p => p.Id != Partnership)) return false;
        All = await plan.RowsAsync(Partnership, new PlanFilter(), ct);
        Rows = await plan.RowsAsync(Partnership, new PlanFilter(Empty(Owner), Status, Empty(Theme), Empty(Cycle)), ct);
        return true;
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

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
public sealed class IndexModel(DirectoryStore directory, CompositeActionPlan plan) : PartnershipPage(directory)
{
    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public ActionStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cycle { get; set; }

    public IReadOnlyList<PlanRow> All { get; private set; } = [];
    public IReadOnlyList<PlanRow> Rows { get; private set; } = [];

    /// <summary>The filters as the export links carry them.</summary>
    public string FilterQuery => string.Join("&", new[]
    {
        ("partnership", Partnership), ("owner", Owner), ("status", Status?.ToString()), ("theme", Theme),
        ("cycle", Cycle),
    }.Select(f => $"{f.Item1}={Uri.EscapeDataString(f.Item2 ?? "")}"));

    /// <summary>Each filter: its field, label, the words for "any", its choices and the one chosen.</summary>
    public IEnumerable<(string Id, string Label, string Any, IEnumerable<(string Value, string Words)> Options,
        string? Chosen)> Filters =>
    [
        ("partnership", "Partnership", "", Partnerships.Select(p => (p.Id, p.Name)), Partnership),
        ("owner", "Owner", "Any owner", All.Select(r => (r.OwnerCode, r.Owner)).Distinct(), Owner),
        ("status", "Status", "Any status", Enum.GetValues<ActionStatus>().Select(s => (s.ToString(), StatusWords(s))),
            Status?.ToString()),
        ("theme", "Theme", "Any theme", All.Select(r => (r.Theme, r.Theme)).Distinct(), Theme),
        ("cycle", "Audit", "Any audit", All.Select(r => (r.CycleId, $"{r.Theme} ({r.CycleId})")).Distinct(), Cycle),
    ];

    private static string StatusWords(ActionStatus status) => status switch
    {
        ActionStatus.CarriedForward => "Carried forward",
        ActionStatus.Completed => "Completed, to verify",
        _ => status.ToString(),
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => await LoadAsync(ct)
        ? Download(PlanXlsx.Write(Rows), PlanXlsx.ContentType, "xlsx") : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => await LoadAsync(ct)
        ? Download(PlanCsv.Write(Rows), "text/csv; charset=utf-8", "csv") : NotFound();

    private FileContentResult Download(byte[] bytes, string type, string extension)
    {
        Response.Headers.CacheControl = "no-store";
        return File(bytes, type, $"action-plan-{Partnership}.{extension}");
    }

    /// <summary>False for a partnership this coordinator does not run; with none to show, an empty plan.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var choice = await ChooseAsync(ct);
        if (choice != PartnershipChoice.Chosen) return choice == PartnershipChoice.NoneToShow;
        // Read once: the filters' choices come from every row, the table and exports from the filtered ones.
        All = await plan.RowsAsync(Partnership!, ct);
        Rows = new PlanFilter(Empty(Owner), Status, Empty(Theme), Empty(Cycle)).Apply(All);
        return true;
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

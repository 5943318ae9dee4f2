using Maca.Functions.Access;
using Maca.Functions.ActionPlans;
using Maca.Functions.Cycles;
using Maca.Functions.Directory;
using Maca.Functions.Summaries;
using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Reading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Plans;

/// <summary>Recurring learning across every cycle of a partnership: which themes come back, and whether actions changed anything.</summary>
public sealed class LearningModel(DirectoryStore directory, CycleStore store, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Partnership { get; set; }
    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];
    public IReadOnlyList<ThemeRecord> Themes { get; private set; } = [];
    public IReadOnlyList<(string Id, string Theme)> Cycles { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } all) return Partnerships.Count == 0 && Partnership is null ? Page() : NotFound();
        var audited = all.Where(c => !c.Findings.IsEmpty).OrderBy(c => c.CreatedAt).ToList();
        Themes = RecurringLearning.Of(audited);
        Cycles = audited.Select(c => (c.CycleId, c.Theme)).ToList();
        Years = all.Select(c => WorkingCalendar.UkDate(c.CreatedAt).Year).Distinct().OrderDescending().ToList();
        return Page();
    }

    /// <summary>The annual report for one year, as Word.</summary>
    public async Task<IActionResult> OnGetReportAsync(int year, CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } all || year is < 2000 or > 2100) return NotFound();
        var name = Partnerships.Single(p => p.Id == Partnership).Name;
        Response.Headers.CacheControl = "no-store";
        return File(SummaryWordWriter.Write(AnnualReport.For(year, name, all), name, clock.GetUtcNow()),
            SummaryVersions.ContentType, $"annual-report-{year}.docx");
    }

    /// <summary>Every cycle of a partnership this coordinator runs; null when there is none to show, or it is not theirs.</summary>
    private async Task<IReadOnlyList<Orchestrations.Cycles.CycleState>?> LoadAsync(CancellationToken ct)
    {
        Partnerships = (await directory.PartnershipsAsync(ct)).Where(p => User.RunsPartnership(p.Id)).ToList();
        if (Partnership is null && Partnerships.Count == 0) return null;
        Partnership ??= Partnerships[0].Id;
        if (Partnerships.All(p => p.Id != Partnership)) return null;
        return await PartnershipCycles.AllAsync(store, Partnership, ct);
    }
}

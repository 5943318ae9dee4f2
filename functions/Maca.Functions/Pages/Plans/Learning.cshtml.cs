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

/// <summary>Recurring learning across a partnership's cycles: which themes come back, and whether actions changed anything.</summary>
public sealed class LearningModel(DirectoryStore directory, CycleStore store, TimeProvider clock)
    : PartnershipPage(directory)
{
    public IReadOnlyList<ThemeRecord> Themes { get; private set; } = [];
    public IReadOnlyList<(string Id, string Theme)> Cycles { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var choice = await ChooseAsync(ct);
        if (choice != PartnershipChoice.Chosen) return choice == PartnershipChoice.NoneToShow ? Page() : NotFound();
        var all = await PartnershipCycles.AllAsync(store, Partnership!, ct);
        var audited = all.Where(c => !c.Findings.IsEmpty).OrderBy(c => c.CreatedAt).ToList();
        Themes = RecurringLearning.Of(audited);
        Cycles = audited.Select(c => (c.CycleId, c.Theme)).ToList();
        Years = all.Select(c => WorkingCalendar.UkDate(c.CreatedAt).Year).Distinct().OrderDescending().ToList();
        return Page();
    }

    /// <summary>The annual report for one year, as Word.</summary>
    public async Task<IActionResult> OnGetReportAsync(int year, CancellationToken ct)
    {
        if (await ChooseAsync(ct) != PartnershipChoice.Chosen || year is < 2000 or > 2100) return NotFound();
        var all = await PartnershipCycles.AllAsync(store, Partnership!, ct);
        var name = Partnerships.Single(p => p.Id == Partnership).Name;
        Response.Headers.CacheControl = "no-store";
        return File(SummaryWordWriter.Write(AnnualReport.For(year, all), name, clock.GetUtcNow()),
            SummaryVersions.ContentType, $"annual-report-{year}.docx");
    }
}

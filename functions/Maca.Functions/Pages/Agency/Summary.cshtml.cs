using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Functions.Directory;
using Maca.Functions.Summaries;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Summaries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Agency;

/// <summary>
/// Where the "learning summary published" email lands: the summary to read as it was published, and that Word
/// version to download. Read-only: this link sends no command, and each download is recorded in the cycle's history.
/// </summary>
public sealed class SummaryModel(CycleStore store, DirectoryStore directory, SummaryVersions versions) : PageModel
{
    public LearningSummaryDocument Document { get; private set; } = null!;
    public string PartnershipName { get; private set; } = "";
    public int? Version { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.Link() is not { Purpose: LinkPurpose.Summary }) return Forbid();
        if (await PublishedAsync(ct) is not { } cycle) return NotFound();
        Document = await versions.PublishedDocumentAsync(cycle, ct) ?? LearningSummaryDocument.From(cycle);
        PartnershipName = (await directory.GetPartnershipAsync(cycle.PartnershipId, ct))?.Name ?? cycle.PartnershipId;
        Version = cycle.PublishedVersion;
        return Page();
    }

    public async Task<IActionResult> OnGetWordAsync(CancellationToken ct)
    {
        if (User.Link() is not { Purpose: LinkPurpose.Summary }) return Forbid();
        if (await PublishedAsync(ct) is not { } cycle) return NotFound();
        if (await versions.DownloadPublishedAsync(cycle, User.Actor(), ct) is not { } file) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(file.Bytes, SummaryVersions.ContentType, file.FileName);
    }

    private async Task<CycleState?> PublishedAsync(CancellationToken ct)
    {
        var cycle = (await store.LoadAsync(User.Link()!.CycleId, ct)).State;
        return cycle.Summary == SummaryStatus.Published && cycle.DocumentsPurgedAt is null ? cycle : null;
    }
}

using Maca.Functions.Access;
using Maca.Functions.Access.Links;
using Maca.Functions.Cycles;
using Maca.Functions.Pages.Shared;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Cycles;

/// <summary>Who holds a live link to this cycle, revoking one (its sessions end at once), and issuing a new one to send on.</summary>
public sealed class LinksModel(CycleStore store, MagicLinkStore links, LinkIssuer issuer, TimeProvider clock) : PageModel
{
    public CycleState Cycle { get; private set; } = CycleState.Initial;
    public IReadOnlyList<LinkRecord> Links { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public string? Notice { get; private set; }
    public string? NewLink { get; private set; }

    [BindProperty] public string? AgencyCode { get; set; }
    [BindProperty] public LinkPurpose Purpose { get; set; } = LinkPurpose.Submit;

    public async Task<IActionResult> OnGetAsync(string id, string? notice, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Notice = notice;
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id, string linkId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var revoked = await links.RevokeAsync(id, linkId, User.Actor(), clock.GetUtcNow(), ct);
        var notice = revoked ? "The link is revoked. Anyone using it is signed out." : "There was no such link.";
        return RedirectToPage(new { id, notice });
    }

    public async Task<IActionResult> OnPostIssueAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (AgencyCode is null || !Cycle.Agencies.ContainsKey(AgencyCode) || !Enum.IsDefined(Purpose)) return BadRequest();
        (_, NewLink) = await issuer.IssueAsync(Cycle, AgencyCode, Purpose, User.Actor(), ct);
        Links = (await links.ForCycleAsync(id, ct)).OrderByDescending(l => l.IssuedAt).ToList();
        return Page();
    }

    /// <summary>The link's purpose starting with a capital, for a table cell: "Nominate cases".</summary>
    public static string PurposeWords(LinkPurpose purpose)
    {
        var words = LinkPurposes.Words(purpose);
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (await store.ForCoordinatorAsync(id, User, ct) is not { } cycle) return false;
        Cycle = cycle;
        Now = clock.GetUtcNow();
        Links = (await links.ForCycleAsync(id, ct)).OrderByDescending(l => l.IssuedAt).ToList();
        return true;
    }
}

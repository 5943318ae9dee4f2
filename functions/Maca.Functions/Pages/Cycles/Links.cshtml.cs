using Maca.Functions.Access;
using Maca.Functions.Access.Links;
using Maca.Functions.Cycles;
using Maca.Functions.Outbox;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Pages.Cycles;

/// <summary>Who holds a live link to this cycle, revoking one (its sessions end at once), and issuing a new one to send on.</summary>
public sealed class LinksModel(CycleStore store, MagicLinkStore links, MagicLinkSigner signer, IOptions<AccessOptions> access,
    IOptions<AppOptions> app, TimeProvider clock) : PageModel
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
        return RedirectToPage(new { id, notice = revoked ? "The link is revoked. Anyone using it is signed out." : "There was no such link." });
    }

    public async Task<IActionResult> OnPostIssueAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (AgencyCode is null || !Cycle.Agencies.ContainsKey(AgencyCode) || !Enum.IsDefined(Purpose)) return BadRequest();
        var link = new IssuedLink($"m{Guid.NewGuid():N}"[..17], Cycle.PartnershipId, id, AgencyCode, Purpose,
            Now + access.Value.LinkLifetime, [$"issued by {User.Actor()}"]);
        await links.IssueAsync(link, Now, ct);
        Links = await links.ForCycleAsync(id, ct);
        NewLink = $"{app.Value.PublicBaseUrl.ToString().TrimEnd('/')}/links/{signer.Sign(link)}";
        return Page();
    }

    public static string PurposeWords(LinkPurpose purpose) => purpose switch
    {
        LinkPurpose.Nominate => "Nominate cases",
        LinkPurpose.Submit => "Make submissions",
        LinkPurpose.Availability => "Give meeting availability",
        _ => "Update actions",
    };

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var cycle = await store.LoadAsync(id, ct);
        if (!cycle.Exists || !User.RunsPartnership(cycle.State.PartnershipId)) return false;
        Cycle = cycle.State;
        Now = clock.GetUtcNow();
        Links = (await links.ForCycleAsync(id, ct)).OrderByDescending(l => l.IssuedAt).ToList();
        return true;
    }
}

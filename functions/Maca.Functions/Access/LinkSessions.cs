using System.Security.Claims;
using Maca.Functions.Access.Links;
using Maca.Functions.Cycles;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Maca.Functions.Access;

/// <summary>
/// Opens a session from a magic link and checks it again on every request: the link must still exist, not be
/// revoked, not have expired, and its cycle must still be running (for a summary link: its files still kept).
/// A revoked link ends its sessions at once.
/// </summary>
public sealed class LinkSessions(MagicLinkSigner signer, MagicLinkStore links, CycleStore cycles, TimeProvider clock)
{
    /// <summary>The link's session, or null when the token is not a live link.</summary>
    public async Task<ClaimsPrincipal?> OpenAsync(string token, CancellationToken ct)
    {
        if (signer.Verify(token, clock.GetUtcNow()) is not { } link) return null;
        if (!await IsLiveAsync(link.CycleId, link.LinkId, ct)) return null;
        var identity = new ClaimsIdentity(
        [
            new Claim(MacaClaims.Role, MacaClaims.AgencyLink), new Claim(MacaClaims.LinkId, link.LinkId),
            new Claim(MacaClaims.Partnership, link.PartnershipId), new Claim(MacaClaims.Cycle, link.CycleId),
            new Claim(MacaClaims.Agency, link.AgencyCode), new Claim(MacaClaims.Purpose, link.Purpose.ToString()),
        ], CookieAuthenticationDefaults.AuthenticationScheme, MacaClaims.Agency, MacaClaims.Role);
        return new ClaimsPrincipal(identity);
    }

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.Link() is not { } scope) return; // a coordinator's own sign-in
        if (!await IsLiveAsync(scope.CycleId, scope.LinkId, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private async Task<bool> IsLiveAsync(string cycleId, string linkId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await links.GetAsync(cycleId, linkId, ct) is not { } record || !record.LiveAt(now)) return false;
        var cycle = await cycles.LoadAsync(cycleId, ct);
        // The published summary stays readable after the cycle ends, until the retention job removes its files.
        return cycle.Exists && (record.Link.Purpose == LinkPurpose.Summary
            ? cycle.State.DocumentsPurgedAt is null
            : !cycle.State.IsFinished);
    }
}

using Maca.Functions.Email.Delivery;
using Maca.Orchestrations.Cycles;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Access.Links;

/// <summary>A link a coordinator issues by hand, to send on themselves: recorded, signed, and its address.</summary>
public sealed class LinkIssuer(MagicLinkStore links, MagicLinkSigner signer, IOptions<AccessOptions> access, IOptions<AppOptions> app,
    TimeProvider clock)
{
    public async Task<(IssuedLink Link, string Url)> IssueAsync(CycleState cycle, string agencyCode, LinkPurpose purpose, string actor,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var link = new IssuedLink($"m{Guid.NewGuid():N}"[..17], cycle.PartnershipId, cycle.CycleId, agencyCode, purpose,
            now + access.Value.LinkLifetime, [$"issued by {actor}"]);
        await links.IssueAsync(link, now, ct);
        return (link, $"{app.Value.PublicBaseUrl.ToString().TrimEnd('/')}/links/{signer.Sign(link)}");
    }
}

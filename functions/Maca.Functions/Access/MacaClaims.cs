using System.Security.Claims;

namespace Maca.Functions.Access;

/// <summary>
/// The claims Maca reads from whoever is signed in. A coordinator carries a partnership claim per partnership
/// ("*" for all); an agency's magic link carries exactly one partnership, cycle, agency and purpose.
/// </summary>
public static class MacaClaims
{
    public const string Role = "maca:role", Partnership = "maca:partnership", Cycle = "maca:cycle", Agency = "maca:agency",
        Purpose = "maca:purpose", LinkId = "maca:link", Email = "maca:email";

    public const string Coordinator = "coordinator", Admin = "admin", AgencyLink = "agency";

    public static ClaimsIdentity ForCoordinator(CoordinatorAccount account, string authenticationType)
    {
        var claims = new List<Claim> { new(Email, account.Email.ToLowerInvariant()), new(Role, Coordinator) };
        if (account.Admin) claims.Add(new Claim(Role, Admin));
        claims.AddRange(account.Partnerships.Select(p => new Claim(Partnership, p)));
        return new ClaimsIdentity(claims, authenticationType, Email, Role);
    }

    public static bool IsCoordinator(this ClaimsPrincipal user) => user.HasClaim(Role, Coordinator);
    public static bool IsAdmin(this ClaimsPrincipal user) => user.HasClaim(Role, Admin);
    public static bool IsAgencyLink(this ClaimsPrincipal user) => user.HasClaim(Role, AgencyLink);

    /// <summary>A coordinator who runs this partnership's audits (a link never does).</summary>
    public static bool RunsPartnership(this ClaimsPrincipal user, string partnershipId) =>
        user.IsCoordinator() && user.FindAll(Partnership).Any(c => c.Value == "*" || c.Value == partnershipId);

    /// <summary>The partnerships whose cycles this coordinator may list: null for all, empty for none.</summary>
    public static IReadOnlyList<string>? VisiblePartnerships(this ClaimsPrincipal user, string? asked)
    {
        if (asked is not null) return user.RunsPartnership(asked) ? [asked] : [];
        var runs = user.FindAll(Partnership).Select(c => c.Value).ToList();
        return runs.Contains("*") ? null : runs;
    }

    /// <summary>The link's scope, or null for anyone else.</summary>
    public static LinkScope? Link(this ClaimsPrincipal user) => user.IsAgencyLink()
        ? new LinkScope(user.FindFirstValue(LinkId)!, user.FindFirstValue(Partnership)!, user.FindFirstValue(Cycle)!,
            user.FindFirstValue(Agency)!, Enum.Parse<LinkPurpose>(user.FindFirstValue(Purpose)!))
        : null;

    /// <summary>Who the history names: "coordinator:jo@partnership.example" or "agency:POL". Never from a request body.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.Link() is { } link
        ? $"agency:{link.AgencyCode}"
        : $"coordinator:{user.FindFirstValue(Email)}";
}

public enum LinkPurpose { Nominate, Submit, Availability, Actions, Summary }

/// <summary>What one magic link lets its holder do: act for one agency, in one cycle, for one purpose.</summary>
public sealed record LinkScope(string LinkId, string PartnershipId, string CycleId, string AgencyCode, LinkPurpose Purpose);

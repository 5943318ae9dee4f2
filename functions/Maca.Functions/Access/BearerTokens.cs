using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Maca.Functions.Access;

/// <summary>
/// Local bearer tokens for tools and tests, signed with Access:Bearer:SigningKey. A token only says who someone
/// is; what they may do comes from the configured coordinator accounts. In Azure, Entra ID issues the tokens.
/// </summary>
public static class BearerTokens
{
    /// <summary>
    /// The one clock tokens are issued and judged by: real time, never the Development demo clock, which only moves
    /// the workflow (deadlines, chasers, emails). Entra ID's tokens and the tests' tokens live in real time too.
    /// </summary>
    public static TimeProvider Clock => TimeProvider.System;

    public static string Mint(AccessOptions.BearerSettings settings, string email, TimeSpan lifetime, DateTimeOffset now) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity([new Claim("email", email)]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime.AddMinutes(-1),
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(AccessOptions.DecodeKey(settings.SigningKey)),
                SecurityAlgorithms.HmacSha256),
        });

    /// <summary>The email a token or header names, whichever claim the issuer used for it.</summary>
    public static string? EmailOf(ClaimsPrincipal principal) =>
        principal.FindFirst("email")?.Value ?? principal.FindFirst(ClaimTypes.Email)?.Value
        ?? principal.FindFirst("preferred_username")?.Value ?? principal.FindFirst(ClaimTypes.Upn)?.Value;
}

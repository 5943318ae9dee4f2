using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Access.Links;

/// <summary>
/// Magic link tokens: the link's scope and expiry, signed with HMAC-SHA256 under Access:LinkSigningKey.
/// A token proves only what it was issued for; whether it has been revoked is the link row's to say.
/// </summary>
public sealed class MagicLinkSigner(IOptions<AccessOptions> options)
{
    private sealed record Payload(string Id, string P, string C, string A, LinkPurpose U, long Exp);

    private byte[] Key => AccessOptions.DecodeKey(options.Value.LinkSigningKey)!;

    public string Sign(IssuedLink link)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(link.LinkId, link.PartnershipId, link.CycleId, link.AgencyCode,
            link.Purpose, link.ExpiresAt.ToUnixTimeSeconds()));
        return $"{WebEncoders.Base64UrlEncode(payload)}.{WebEncoders.Base64UrlEncode(HMACSHA256.HashData(Key, payload))}";
    }

    /// <summary>The link a token names, if its signature holds and it has not expired; otherwise null.</summary>
    public IssuedLink? Verify(string token, DateTimeOffset now)
    {
        if (token.Length > 1024 || token.Split('.') is not [var body, var signature]) return null;
        try
        {
            var payload = WebEncoders.Base64UrlDecode(body);
            if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Key, payload), WebEncoders.Base64UrlDecode(signature)))
                return null;
            var p = JsonSerializer.Deserialize<Payload>(payload);
            if (p is null || !Enum.IsDefined(p.U)) return null;
            var expires = DateTimeOffset.FromUnixTimeSeconds(p.Exp);
            return expires <= now ? null : new IssuedLink(p.Id, p.P, p.C, p.A, p.U, expires, []);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException) { return null; }
    }
}

/// <summary>A link as issued: its id, scope, expiry and who it was sent to.</summary>
public sealed record IssuedLink(string LinkId, string PartnershipId, string CycleId, string AgencyCode, LinkPurpose Purpose,
    DateTimeOffset ExpiresAt, IReadOnlyList<string> SentTo);

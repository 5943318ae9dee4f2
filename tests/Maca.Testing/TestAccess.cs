using System.Net.Http.Headers;
using Maca.Functions.Access;

namespace Maca.Testing;

/// <summary>
/// The access settings every test app runs with: test-only keys, and one coordinator who runs every partnership
/// and administers the directory. Tests that need narrower people add them (see the authorization matrix).
/// </summary>
public static class TestAccess
{
    public const string CoordinatorEmail = "coordinator@tests.example";
    public const string LinkSigningKey = "dGVzdC1saW5rLWtleS10ZXN0LWxpbmsta2V5LTMyYnl0ZXM=";
    public const string BearerSigningKey = "dGVzdC1iZWFyZXIta2V5LXRlc3QtYmVhcmVyLWtleS0zMg==";

    public static Dictionary<string, string> Settings() => new()
    {
        ["Access:LinkSigningKey"] = LinkSigningKey,
        ["Access:Bearer:SigningKey"] = BearerSigningKey,
        ["Access:Coordinators:0:Email"] = CoordinatorEmail,
        ["Access:Coordinators:0:Partnerships:0"] = "*",
        ["Access:Coordinators:0:Admin"] = "true",
    };

    public static string Token(string email = CoordinatorEmail) =>
        BearerTokens.Mint(new AccessOptions.BearerSettings { SigningKey = BearerSigningKey }, email, TimeSpan.FromHours(2),
            DateTimeOffset.UtcNow);

    public static AuthenticationHeaderValue Header(string email = CoordinatorEmail) => new("Bearer", Token(email));
}

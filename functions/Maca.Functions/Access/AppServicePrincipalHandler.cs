using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Access;

/// <summary>
/// App Service authentication (Entra ID) signs people in before the app sees the request and passes who they are
/// in X-MS-CLIENT-PRINCIPAL. Anyone can send that header, so it is read only when Access:TrustAppServiceAuthentication
/// says the app runs behind App Service authentication, which strips it from incoming requests.
/// </summary>
public sealed class AppServicePrincipalHandler(IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger,
    UrlEncoder encoder, IOptions<AccessOptions> access) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "AppService", Header = "X-MS-CLIENT-PRINCIPAL";

    private sealed record ClientPrincipal(List<PrincipalClaim>? Claims);
    private sealed record PrincipalClaim(string Typ, string Val);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!access.Value.TrustAppServiceAuthentication || Request.Headers[Header].FirstOrDefault() is not { Length: > 0 } header)
            return Task.FromResult(AuthenticateResult.NoResult());
        ClientPrincipal? principal;
        try
        {
            principal = JsonSerializer.Deserialize<ClientPrincipal>(Encoding.UTF8.GetString(Convert.FromBase64String(header)),
                new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unreadable principal header."));
        }
        var identity = new ClaimsIdentity((principal?.Claims ?? []).Select(c => new Claim(c.Typ, c.Val)), SchemeName);
        if (access.Value.Find(BearerTokens.EmailOf(new ClaimsPrincipal(identity))) is not { } account)
            return Task.FromResult(AuthenticateResult.Fail("Not a Maca coordinator."));
        var user = new ClaimsPrincipal(MacaClaims.ForCoordinator(account, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(user, SchemeName)));
    }
}

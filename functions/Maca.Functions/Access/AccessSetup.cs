using System.Security.Claims;
using Maca.Functions.Access.Links;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Maca.Functions.Access;

/// <summary>
/// Who is calling: a bearer token (tools and tests; Entra ID in Azure), App Service authentication's header when
/// configured, or a cookie from the coordinator's sign-in or an agency's magic link. Every endpoint needs one
/// unless it says otherwise; each feature declares its rule on its route group.
/// </summary>
public static class AccessSetup
{
    public const string Selector = "Maca", CoordinatorPolicy = "Coordinator", AdminPolicy = "Admin", ParticipantPolicy = "Participant",
        AgencyPolicy = "Agency";

    public static void AddAccess(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccessOptions>, AccessOptionsValidation>();
        services.AddSingleton<MagicLinkSigner>();
        services.AddSingleton<MagicLinkStore>();
        services.AddSingleton<LinkIssuer>();
        services.AddSingleton<LinkSessions>();
        services.AddAntiforgery(o => o.Cookie.Name = "maca-af");
        // Pages: every folder needs a coordinator unless it says otherwise; the sign-in page opts out itself.
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Cycles", CoordinatorPolicy);
            o.Conventions.AuthorizeFolder("/Agency", AgencyPolicy);
            o.Conventions.AuthorizeFolder("/Directory", CoordinatorPolicy);
            o.Conventions.AuthorizeFolder("/Plans", CoordinatorPolicy);
        }).AddMvcOptions(o => o.Filters.Add<Pages.Shared.CommandsInProgress.Filter>());

        services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "Bearer, App Service or cookie", o => o.ForwardDefaultSelector = Choose)
            .AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, _ => { })
            .AddScheme<AuthenticationSchemeOptions, AppServicePrincipalHandler>(AppServicePrincipalHandler.SchemeName, _ => { })
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.Cookie.Name = "maca";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = false;
                o.LoginPath = "/signin";
                // The JSON API answers 401; a page sends the browser to sign in. Refusing someone signed in is a 403 everywhere.
                o.Events.OnRedirectToLogin = c => Answer(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c =>
                {
                    c.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                o.Events.OnValidatePrincipal = c => c.HttpContext.RequestServices.GetRequiredService<LinkSessions>().ValidateAsync(c);
            });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AccessOptions>>((jwt, access) => ConfigureBearer(jwt, access.Value));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(CoordinatorPolicy, p => p.RequireClaim(MacaClaims.Role, MacaClaims.Coordinator))
            .AddPolicy(AdminPolicy, p => p.RequireClaim(MacaClaims.Role, MacaClaims.Admin))
            .AddPolicy(ParticipantPolicy, p => p.RequireClaim(MacaClaims.Role, MacaClaims.Coordinator, MacaClaims.AgencyLink))
            .AddPolicy(AgencyPolicy, p => p.RequireClaim(MacaClaims.Role, MacaClaims.AgencyLink));
    }

    private static string Choose(HttpContext context)
    {
        if (context.Request.Headers.Authorization.FirstOrDefault()?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true)
            return JwtBearerDefaults.AuthenticationScheme;
        var access = context.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value;
        if (access.TrustAppServiceAuthentication && context.Request.Headers.ContainsKey(AppServicePrincipalHandler.Header))
            return AppServicePrincipalHandler.SchemeName;
        return CookieAuthenticationDefaults.AuthenticationScheme;
    }

    private static void ConfigureBearer(JwtBearerOptions jwt, AccessOptions access)
    {
        jwt.MapInboundClaims = false;
        jwt.TimeProvider = BearerTokens.Clock; // not the app's TimeProvider, which the demo clock moves
        if (!string.IsNullOrWhiteSpace(access.Bearer.Authority))
        {
            jwt.Authority = access.Bearer.Authority;
            jwt.Audience = access.Bearer.Audience;
        }
        else
        {
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = access.Bearer.Issuer,
                ValidAudience = access.Bearer.Audience,
                // Validation at start-up refuses a missing key, so the fallback is never used to sign or check anything.
                IssuerSigningKey = new SymmetricSecurityKey(AccessOptions.DecodeKey(access.Bearer.SigningKey) ?? new byte[32]),
                ClockSkew = TimeSpan.FromMinutes(1),
            };
        }
        // A token says who someone is; the configured accounts say what they may do.
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = c =>
            {
                if (access.Find(BearerTokens.EmailOf(c.Principal!)) is { } account)
                    c.Principal = new ClaimsPrincipal(MacaClaims.ForCoordinator(account, JwtBearerDefaults.AuthenticationScheme));
                else c.Fail("Not a Maca coordinator.");
                return Task.CompletedTask;
            },
        };
    }

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = status;
        // An agency lead has no account to sign in to: tell them their link has stopped working, and what to do.
        else if (context.Request.Path.StartsWithSegments("/agency")) context.Response.Redirect("/links/ended");
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

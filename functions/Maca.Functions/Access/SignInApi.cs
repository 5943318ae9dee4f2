using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Access;

/// <summary>
/// Development only: a coordinator signs in by choosing one of the configured coordinator emails, and tools
/// can ask for a bearer token the same way. In Azure, App Service authentication (Entra ID) signs people in.
/// </summary>
public static class SignInApi
{
    public sealed record TokenRequest(string Email);

    public static IEndpointRouteBuilder MapDevelopmentSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", Form).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signin", SignInAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/api/dev/token", Token).AllowAnonymous().WithTags("Development");
        return app;
    }

    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder app)
    {
        app.MapPost("/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.Redirect("/signin");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult Form(HttpContext http, IAntiforgery antiforgery, IOptions<AccessOptions> access, string? error = null)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var options = string.Concat(access.Value.Coordinators.Select(c =>
            $"<option value=\"{WebUtility.HtmlEncode(c.Email)}\">{WebUtility.HtmlEncode(c.Email)}</option>"));
        var message = error is null ? "" : $"<p role=\"alert\">{WebUtility.HtmlEncode(error)}</p>";
        return TypedResults.Content(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" +
            "<title>Sign in - Maca (development)</title></head><body><main>" +
            $"<h1>Sign in as a coordinator</h1>{message}<p>Development only: choose a configured coordinator.</p>" +
            "<form method=\"post\" action=\"/signin\">" +
            $"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">" +
            $"<label for=\"email\">Email</label> <select id=\"email\" name=\"email\">{options}</select> " +
            "<button type=\"submit\">Sign in</button></form></main></body></html>",
            "text/html; charset=utf-8", statusCode: error is null ? 200 : 400);
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IAntiforgery antiforgery, IOptions<AccessOptions> access)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            return TypedResults.Problem("The form has expired. Go back, reload the page and try again.", statusCode: 400,
                title: "Form expired");
        var form = await http.Request.ReadFormAsync();
        if (access.Value.Find(form["email"].FirstOrDefault()) is not { } account)
            return Form(http, antiforgery, access, "Choose one of the configured coordinators.");
        var identity = MacaClaims.ForCoordinator(account, CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new System.Security.Claims.ClaimsPrincipal(identity));
        return TypedResults.Redirect("/api/cycles");
    }

    private static IResult Token(TokenRequest request, IOptions<AccessOptions> access, TimeProvider clock)
    {
        if (access.Value.Find(request.Email) is null || string.IsNullOrWhiteSpace(access.Value.Bearer.SigningKey))
            return TypedResults.Problem("That email is not a configured coordinator.", statusCode: 403, title: "Not a coordinator");
        var token = BearerTokens.Mint(access.Value.Bearer, request.Email, TimeSpan.FromHours(8), clock.GetUtcNow());
        return TypedResults.Ok(new { access_token = token });
    }
}

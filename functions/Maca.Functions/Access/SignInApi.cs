using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Access;

/// <summary>
/// Development only: tools ask for a bearer token for a configured coordinator (people use the sign-in page).
/// Everywhere: signing out ends the cookie session, of a coordinator or of a magic link.
/// </summary>
public static class SignInApi
{
    public sealed record TokenRequest(string Email);

    public static IEndpointRouteBuilder MapDevelopmentTokens(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/dev/token", Token).AllowAnonymous().WithTags("Development");
        return app;
    }

    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder app)
    {
        app.MapPost("/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.Redirect("/");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult Token(TokenRequest request, IOptions<AccessOptions> access)
    {
        if (access.Value.Find(request.Email) is null || string.IsNullOrWhiteSpace(access.Value.Bearer.SigningKey))
            return TypedResults.Problem("That email is not a configured coordinator.", statusCode: 403, title: "Not a coordinator");
        var token = BearerTokens.Mint(access.Value.Bearer, request.Email, TimeSpan.FromHours(8), BearerTokens.Clock.GetUtcNow());
        return TypedResults.Ok(new { access_token = token });
    }
}

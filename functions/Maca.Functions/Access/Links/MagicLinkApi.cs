using System.Net;
using Maca.Functions.Cycles;
using Maca.Functions.Input;
using Maca.Functions.Email.Delivery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Access.Links;

/// <summary>
/// Opening a magic link, and the coordinator's view of a cycle's links: who holds a live one, revoking one,
/// and issuing a new one to send on.
/// </summary>
public static class MagicLinkApi
{
    public sealed record LinkView(string LinkId, string AgencyCode, string Purpose, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt,
        IReadOnlyList<string> SentTo, bool Live, bool Revoked, DateTimeOffset? RevokedAt, string? RevokedBy);
    public sealed record IssueLinkRequest(string AgencyCode, LinkPurpose Purpose) : IScreenedBody;
    public sealed record IssuedLinkView(string LinkId, string Url, DateTimeOffset ExpiresAt);

    public static IEndpointRouteBuilder MapMagicLinks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/links/{token}", OpenAsync).AllowAnonymous().ExcludeFromDescription();

        var links = app.MapGroup("/api/cycles/{id}/links").WithTags("Magic links").ScreenInput().RequireJsonBody()
            .RequireAuthorization(AccessSetup.CoordinatorPolicy).AddEndpointFilter<CycleAccessFilter>();
        links.MapGet("/", ListAsync).WithSummary("Every link sent in this cycle, and whether it still works");
        links.MapPost("/", IssueAsync).WithSummary("Issue a new link for an agency, to send on");
        links.MapPost("/{linkId}/revoke", RevokeAsync).WithSummary("Stop a link working, at once");
        return app;
    }

    private static async Task<IResult> OpenAsync(string token, HttpContext http, LinkSessions sessions, CancellationToken ct)
    {
        if (await sessions.OpenAsync(token, ct) is not { } principal)
            return Page(StatusCodes.Status404NotFound, "This link does not work",
                "It may have expired or been withdrawn, or the audit may have finished. " +
                "Ask the partnership's audit coordinator for a new one.");
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return TypedResults.Redirect("/agency"); // the agency's own tasks for this link

    }

    private static async Task<Ok<IReadOnlyList<LinkView>>> ListAsync(string id, MagicLinkStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var views = (await store.ForCycleAsync(id, ct)).OrderByDescending(l => l.IssuedAt)
            .Select(l => new LinkView(l.Link.LinkId, l.Link.AgencyCode, l.Link.Purpose.ToString(), l.IssuedAt, l.Link.ExpiresAt,
                l.Link.SentTo, l.LiveAt(now), l.Revoked, l.RevokedAt, l.RevokedBy))
            .ToList();
        return TypedResults.Ok<IReadOnlyList<LinkView>>(views);
    }

    private static async Task<Results<Created<IssuedLinkView>, ValidationProblem>> IssueAsync(string id, IssueLinkRequest request,
        HttpContext http, CycleStore cycles, LinkIssuer issuer, CancellationToken ct)
    {
        var cycle = await cycles.LoadAsync(id, ct);
        if (!cycle.State.Agencies.ContainsKey(request.AgencyCode))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["agencyCode"] = [$"{request.AgencyCode} is not an agency in this audit."],
            });
        var (link, url) = await issuer.IssueAsync(cycle.State, request.AgencyCode, request.Purpose, http.User.Actor(), ct);
        return TypedResults.Created($"/api/cycles/{id}/links", new IssuedLinkView(link.LinkId, url, link.ExpiresAt));
    }

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(string id, string linkId, HttpContext http, MagicLinkStore store,
        TimeProvider clock, CancellationToken ct) =>
        await store.RevokeAsync(id, linkId, http.User.Actor(), clock.GetUtcNow(), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>What happened, in words, and what to do next: nothing about the link, its cycle or its agency.</summary>
    private static IResult Page(int status, string heading, string text) => TypedResults.Content(
        "<!DOCTYPE html><html lang=\"en\" class=\"govuk-template\"><head><meta charset=\"utf-8\">" +
        $"<title>{WebUtility.HtmlEncode(heading)} - Maca</title>" +
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        "<link rel=\"stylesheet\" href=\"/assets/govuk-frontend.css\"></head>" +
        "<body class=\"govuk-template__body\"><div class=\"govuk-width-container\">" +
        "<main class=\"govuk-main-wrapper\" id=\"main-content\">" +
        $"<h1 class=\"govuk-heading-l\">{WebUtility.HtmlEncode(heading)}</h1><p class=\"govuk-body\">{WebUtility.HtmlEncode(text)}</p>" +
        "</main></div></body></html>",
        "text/html; charset=utf-8", statusCode: status);
}

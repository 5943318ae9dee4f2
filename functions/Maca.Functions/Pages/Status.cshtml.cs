using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages;

/// <summary>The page shown in place of an empty error response, in plain words. It names nothing from the request.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public (string Heading, string Advice) Words => Code switch
    {
        404 => ("Page not found", "If you typed the web address, check it is correct. If you followed a link from an email, it may be for a different agency or audit."),
        403 => ("You cannot use this page", "Your sign-in or link does not allow it. Ask the partnership's audit coordinator if you think it should."),
        400 => ("Something went wrong with the form", "The page may have been open for a long time. Go back, reload the page and try again."),
        413 => ("The file is too large", "Files must be smaller than 25 MB. Go back and choose a smaller file."),
        _ => ("Sorry, there is a problem", "Try again later. If it keeps happening, tell the partnership's audit coordinator."),
    };

    public IActionResult OnGet(int code) => Handle(code);
    public IActionResult OnPost(int code) => Handle(code);

    private IActionResult Handle(int code)
    {
        // Only reached by re-execution; asked for directly, it is just a missing page.
        Code = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null ? 404 : code;
        Response.StatusCode = Code;
        return Page();
    }
}

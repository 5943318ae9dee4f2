using System.Security.Claims;
using Maca.Functions.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Pages;

/// <summary>
/// Development only: choose one of the configured coordinators. Elsewhere this page does not exist, because App
/// Service authentication (Entra ID) signs coordinators in before they reach the app.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(IOptions<AccessOptions> access, IHostEnvironment environment) : PageModel
{
    public IReadOnlyList<string> Coordinators => access.Value.Coordinators.Select(c => c.Email).ToList();
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Email { get; set; }

    public IActionResult OnGet() => environment.IsDevelopment() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!environment.IsDevelopment()) return NotFound();
        if (access.Value.Find(Email) is not { } account)
        {
            Error = "Choose the coordinator to sign in as";
            return Page();
        }
        var identity = MacaClaims.ForCoordinator(account, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/cycles");
    }
}

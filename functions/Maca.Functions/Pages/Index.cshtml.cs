using Maca.Functions.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages;

/// <summary>The front door: coordinators go to their cycles; anyone else is asked to sign in.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => User.IsCoordinator() ? Redirect("/cycles") : Redirect("/signin");
}

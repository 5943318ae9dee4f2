using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Links;

/// <summary>Where an agency lead lands when their link's session has ended: expired, withdrawn, or the audit finished.</summary>
[AllowAnonymous]
public sealed class EndedModel : PageModel
{
    public void OnGet() { }
}

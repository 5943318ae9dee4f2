using Maca.Functions.Access;
using Maca.Functions.Directory;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.DirectoryPages;

/// <summary>The partnerships this person may see: the ones they run, or all of them for a directory administrator.</summary>
public sealed class IndexModel(DirectoryStore directory) : PageModel
{
    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Partnerships = (await directory.PartnershipsAsync(ct)).Where(p => User.IsAdmin() || User.RunsPartnership(p.Id)).ToList();
}

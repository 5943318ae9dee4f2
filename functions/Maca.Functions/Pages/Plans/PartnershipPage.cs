using Maca.Functions.Access;
using Maca.Functions.Directory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Plans;

public enum PartnershipChoice { NoneToShow, Chosen, NotTheirs }

/// <summary>
/// A page about one partnership's audits: the partnership asked for (by default the first this coordinator runs).
/// One they do not run answers 404, as if it did not exist.
/// </summary>
public abstract class PartnershipPage(DirectoryStore directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Partnership { get; set; }
    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];

    protected async Task<PartnershipChoice> ChooseAsync(CancellationToken ct)
    {
        Partnerships = (await directory.PartnershipsAsync(ct)).Where(p => User.RunsPartnership(p.Id)).ToList();
        if (Partnership is null && Partnerships.Count == 0) return PartnershipChoice.NoneToShow;
        Partnership ??= Partnerships[0].Id;
        return Partnerships.Any(p => p.Id == Partnership) ? PartnershipChoice.Chosen : PartnershipChoice.NotTheirs;
    }
}

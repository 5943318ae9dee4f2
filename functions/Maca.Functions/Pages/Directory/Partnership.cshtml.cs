using Maca.Functions.Access;
using Maca.Functions.Directory;
using Maca.Functions.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using AgencyRecord = global::Maca.Functions.Directory.Agency;

namespace Maca.Functions.Pages.DirectoryPages;

/// <summary>
/// One partnership: its contacts, themes and agencies. Directory administrators add or change an agency and edit
/// the themes here, under the same rules as the directory API.
/// </summary>
public sealed class PartnershipModel(DirectoryStore directory) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;
    public IReadOnlyList<AgencyRecord> Agencies { get; private set; } = [];
    public FormErrors Errors { get; } = new();
    public string? Notice { get; private set; }
    [BindProperty] public AgencyRecord? Agency { get; set; }
    [BindProperty] public string? Themes { get; set; }

    public async Task<IActionResult> OnGetAsync(string partnershipId, string? notice, CancellationToken ct)
    {
        if (!await LoadAsync(partnershipId, ct)) return NotFound();
        Notice = notice;
        Themes = string.Join("\n", Partnership.Themes);
        return Page();
    }

    public async Task<IActionResult> OnPostAgencyAsync(string partnershipId, CancellationToken ct)
    {
        if (!await LoadAsync(partnershipId, ct)) return NotFound();
        if (!User.IsAdmin()) return Forbid();
        var agency = new AgencyRecord(Agency?.Code?.Trim().ToUpperInvariant() ?? "", Agency?.Name?.Trim() ?? "", Agency?.LeadEmail?.Trim() ?? "",
            Agency?.QaEmail?.Trim() ?? "", Agency?.SeniorEmail?.Trim() ?? "");
        foreach (var (field, messages) in DirectoryValidation.Problems(agency)) Errors.Add("agency-" + field, messages[0]);
        Errors.Text("agency-name", agency.Name);
        if (Errors.Any) return Invalid();
        await directory.SaveAgencyAsync(partnershipId, agency, ct);
        return RedirectToPage(new { partnershipId, notice = $"{agency.Name} is saved." });
    }

    public async Task<IActionResult> OnPostThemesAsync(string partnershipId, CancellationToken ct)
    {
        if (!await LoadAsync(partnershipId, ct)) return NotFound();
        if (!User.IsAdmin()) return Forbid();
        var themes = (Themes ?? "").Split('\n').Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        var changed = Partnership with { Themes = themes };
        foreach (var (field, messages) in DirectoryValidation.Problems(changed)) Errors.Add(field, messages[0]);
        foreach (var theme in themes) Errors.Text("themes", theme);
        if (Errors.Any) return Invalid();
        await directory.SavePartnershipAsync(changed, ct);
        return RedirectToPage(new { partnershipId, notice = "The themes are saved." });
    }

    private IActionResult Invalid()
    {
        ViewData["HasErrors"] = true;
        return Page();
    }

    /// <summary>Another partnership's page answers 404, as if it did not exist.</summary>
    private async Task<bool> LoadAsync(string partnershipId, CancellationToken ct)
    {
        if (!User.IsAdmin() && !User.RunsPartnership(partnershipId)) return false;
        if (await directory.GetPartnershipAsync(partnershipId, ct) is not { } partnership) return false;
        Partnership = partnership;
        Agencies = await directory.AgenciesAsync(partnershipId, ct);
        return true;
    }
}

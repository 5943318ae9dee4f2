using System.Globalization;
using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Functions.Pages.Shared;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Cycles;

/// <summary>
/// Every cycle this coordinator runs, newest first, filtered by phase, status and theme, 25 to a page. The page
/// links carry the filters; the filter form carries no page, so a new filter starts again at page 1.
/// </summary>
public sealed class IndexModel(CycleQueries queries) : PageModel
{
    public const int PageSize = 25;
    private const int ReadSize = 200;

    [BindProperty(SupportsGet = true)] public CyclePhase? Phase { get; set; }
    [BindProperty(SupportsGet = true)] public RuntimeStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }

    public int Matching { get; private set; }
    public Paging Paging { get; private set; } = Paging.Of(1, 0, PageSize);
    public IReadOnlyList<CycleStatusDocument> Cycles { get; private set; } = [];
    public IReadOnlyList<string> Themes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Read by hand: "page" is also the route value that names a Razor page, so it cannot be bound.
        // A page number that is not a number is a bad link; one past either end is clamped by Paging.
        if (!TryRequestedPage(out var requested)) return BadRequest();
        var all = await AllAsync(ct);
        Themes = all.Select(c => c.CustomStatus.Theme).Distinct().Order().ToList();
        var matching = all
            .Where(c => Phase is null || c.CustomStatus.Phase == Phase.ToString())
            .Where(c => string.IsNullOrEmpty(Theme) || c.CustomStatus.Theme == Theme)
            .OrderByDescending(c => c.CreatedTime).ThenByDescending(c => c.InstanceId, StringComparer.Ordinal)
            .ToList();
        Matching = matching.Count;
        Paging = Paging.Of(requested, Matching, PageSize);
        Cycles = Paging.Take(matching).ToList();
        return Page();
    }

    /// <summary>The address of a page of this list, with the filters it was reached by.</summary>
    public string PageHref(int number)
    {
        var query = new Dictionary<string, string?>
        {
            ["phase"] = Phase?.ToString(), ["status"] = Status?.ToString(),
            ["theme"] = string.IsNullOrEmpty(Theme) ? null : Theme,
            ["page"] = number.ToString(CultureInfo.InvariantCulture),
        };
        return "/cycles" + QueryString.Create(query.Where(p => p.Value is not null));
    }

    private bool TryRequestedPage(out int? requested)
    {
        requested = null;
        var asked = Request.Query["page"].ToString();
        if (asked.Length == 0) return true;
        if (!int.TryParse(asked, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return false;
        requested = number;
        return true;
    }

    private async Task<IReadOnlyList<CycleStatusDocument>> AllAsync(CancellationToken ct)
    {
        var statuses = Status is { } s ? new[] { s } : [];
        var all = new List<CycleStatusDocument>();
        string? continuation = null;
        do
        {
            var filter = new CycleQueries.ListFilter(User.VisiblePartnerships(null), statuses, null, null, ReadSize,
                continuation);
            var read = await queries.ListAsync(filter, ct);
            all.AddRange(read.Items);
            continuation = read.ContinuationToken;
        } while (continuation is not null);
        return all;
    }
}

using Maca.Functions.Access;
using Maca.Functions.DevClock;
using Maca.Functions.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Dev;

/// <summary>
/// Development only: move the demo's clock forward, so a person clicking through a demo cycle can reach deadlines,
/// chasers and the meeting without waiting weeks. In any other environment the page does not exist.
/// </summary>
[Authorize(Policy = AccessSetup.CoordinatorPolicy)]
public sealed class ClockModel(IHostEnvironment env, IServiceProvider services, ClockBroadcast broadcast) : PageModel
{
    public DateTimeOffset Now { get; private set; }
    public FormErrors Errors { get; } = new();
    [BindProperty] public string? Days { get; set; }

    public IActionResult OnGet() => Clock() is { } clock ? Show(clock) : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Clock() is not { } clock) return NotFound();
        if (!int.TryParse(Days, out var days) || days is < 1 or > 120) Errors.Add("days", "Enter a number of days from 1 to 120");
        if (Errors.Any)
        {
            ViewData["HasErrors"] = true;
            return Show(clock);
        }
        clock.Advance(TimeSpan.FromDays(days));
        await broadcast.TellAsync(clock.Offset, ct);
        return RedirectToPage();
    }

    private ShiftableClock? Clock() => env.IsDevelopment() ? services.GetService<ShiftableClock>() : null;

    private PageResult Show(ShiftableClock clock)
    {
        Now = clock.GetUtcNow();
        return Page();
    }
}

using Maca.Functions.Workflow;
using Maca.Functions.Cycles;
using Maca.Functions.Input;
using Maca.Functions.Pages.Shared;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Reading;
using Microsoft.AspNetCore.Mvc;

namespace Maca.Functions.Pages.Cycles;

/// <summary>
/// After the meeting: every case's strengths, findings (with learning themes by name) and gradings, the
/// recommendations across cases, and the button that finishes findings once each case has them.
/// </summary>
public sealed class FindingsModel(CycleStore store, CycleGateway engine, WorkingCalendar calendar, TimeProvider clock)
    : CoordinatorCyclePage(store, engine)
{
    /// <summary>The findings as people read them: themes by name, gradings by agency name.</summary>
    public CycleContent Held => _held ??= CycleContent.Of(Cycle, clock.GetUtcNow(), calendar);
    private CycleContent? _held;

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Category { get; set; }
    public bool Open => Cycle.Phase == CyclePhase.RecordingFindings;

    public async Task<IActionResult> OnPostRecommendAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Errors.Text("text", Text, "Write the recommendation");
        if (string.IsNullOrEmpty(Category)) Errors.Add("category", "Choose the recommendation's category");
        return await SendAsync(new AddRecommendation(Text?.Trim() ?? "", Category ?? ""), "text", "The recommendation is added.", ct);
    }

    public async Task<IActionResult> OnPostCompleteAsync(string id, CancellationToken ct) =>
        !await LoadAsync(id, ct) ? NotFound()
            : await SendAsync(new CompleteFindings(), "complete", "Findings are complete. Write the learning summary next.", ct, $"/cycles/{id}/summary");

    protected override string FieldFor(string? rejectionField, string fallback) => rejectionField is "text" or "category" ? rejectionField : fallback;
}

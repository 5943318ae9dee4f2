using Maca.Functions.Workflow;
using Maca.Functions.Cycles;
using Maca.Functions.Input;
using Maca.Functions.Pages.Shared;
using Maca.Orchestrations.Actions;
using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Reading;
using Microsoft.AspNetCore.Mvc;

namespace Maca.Functions.Pages.Cycles;

/// <summary>
/// The action plan: add actions against recommendations, agree the plan (which starts the chasers), then verify,
/// reopen or carry forward each action as its agency reports progress.
/// </summary>
public sealed class ActionsModel(CycleStore store, CycleGateway engine, WorkingCalendar calendar, TimeProvider clock)
    : CoordinatorCyclePage(store, engine)
{
    [BindProperty] public string? RecommendationId { get; set; }
    [BindProperty] public string? CaseRef { get; set; }
    [BindProperty] public string? AgencyCode { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? SuccessMeasure { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public DateInput DueDate { get; private set; } = DateInput.Of(null);
    public bool Planning => Cycle.Phase is CyclePhase.ActionPlanning or CyclePhase.FollowingUpActions;

    /// <summary>The plan as people read it: owners by name, each open action's RAG, latest update and evidence.</summary>
    /// <remarks>Built once, when the page is rendered.</remarks>
    public CycleContent Held => _held ??= CycleContent.Of(Cycle, clock.GetUtcNow(), calendar);
    private CycleContent? _held;

    public async Task<IActionResult> OnPostAddAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (string.IsNullOrEmpty(RecommendationId) && string.IsNullOrEmpty(CaseRef))
            Errors.Add("recommendationId", "Choose the recommendation this action answers, or the case it follows up");
        if (AgencyCode is null || !ActionOwners.Exists(Cycle, AgencyCode)) Errors.Add("agencyCode", "Choose who owns the action");
        if (string.IsNullOrWhiteSpace(Description)) Errors.Add("description", "Describe the action");
        DueDate = DateInput.From(Request.Form, "dueDate");
        var (due, problem) = DueDate.Read("the due date");
        if (problem is not null) Errors.Add("dueDate", problem);
        if (string.IsNullOrWhiteSpace(SuccessMeasure)) Errors.Add("successMeasure", "Say how you will know the action worked");
        foreach (var (field, text) in new[] { ("description", Description), ("successMeasure", SuccessMeasure) })
            Errors.Text(field, text);
        return await SendAsync(new AddAction(string.IsNullOrEmpty(RecommendationId) ? null : RecommendationId, AgencyCode ?? "", Description?.Trim() ?? "", due ?? default,
            SuccessMeasure?.Trim() ?? "", string.IsNullOrEmpty(CaseRef) ? null : CaseRef),
            "description", "The action is added.", ct);
    }

    public async Task<IActionResult> OnPostAgreeAsync(string id, CancellationToken ct) =>
        !await LoadAsync(id, ct) ? NotFound() : await SendAsync(new AgreeActionPlan(), "agree", "The plan is agreed. Each agency is reminded before its actions fall due.", ct);

    public async Task<IActionResult> OnPostVerifyAsync(string id, string actionId, CancellationToken ct) =>
        !await LoadAsync(id, ct) ? NotFound() : await SendAsync(new VerifyAction(actionId), "actions", $"Action {actionId} is verified.", ct);

    public async Task<IActionResult> OnPostReopenAsync(string id, string actionId, CancellationToken ct) =>
        !await LoadAsync(id, ct) ? NotFound() : await WithReasonAsync(new ReopenAction(actionId, Reason?.Trim() ?? ""), $"Action {actionId} is open again.", ct);

    public async Task<IActionResult> OnPostCarryAsync(string id, string actionId, CancellationToken ct) =>
        !await LoadAsync(id, ct) ? NotFound() : await WithReasonAsync(new CarryForwardAction(actionId, Reason?.Trim() ?? ""), $"Action {actionId} is carried forward.", ct);

    private Task<IActionResult> WithReasonAsync(CycleCommand command, string notice, CancellationToken ct)
    {
        Errors.Text("actions", Reason, "Give a reason: it goes into the history");
        return SendAsync(command, "actions", notice, ct);
    }

    protected override string FieldFor(string? rejectionField, string fallback) =>
        rejectionField is "description" or "successMeasure" or "dueDate" ? rejectionField : fallback;
}

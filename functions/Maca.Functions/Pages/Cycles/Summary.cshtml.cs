using Maca.Functions.Cycles;
using Maca.Functions.Input;
using Maca.Functions.Pages.Shared;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;

namespace Maca.Functions.Pages.Cycles;

/// <summary>The learning summary's workflow: draft, send for review, approve or return, then publish.</summary>
public sealed class SummaryModel(CycleStore store, CycleEngine engine) : CoordinatorCyclePage(store, engine)
{
    [BindProperty] public string? Process { get; set; }
    [BindProperty] public string? GoodPractice { get; set; }
    [BindProperty] public string? Resources { get; set; }
    [BindProperty] public string? Questions { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public bool Editable => Cycle.Phase == CyclePhase.DraftingSummary && Cycle.Summary is SummaryStatus.None or SummaryStatus.Draft;

    protected override void Showing()
    {
        if (Cycle.SummaryContent is { } content)
            (Process, GoodPractice, Resources, Questions) = (content.Process, content.GoodPractice, content.Resources, string.Join("\n", content.ReflectiveQuestions));
    }

    public async Task<IActionResult> OnPostDraftAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(Process)) Errors.Add("process", "Describe how the audit was done");
        var questions = (Questions ?? "").Split('\n').Select(q => q.Trim()).Where(q => q.Length > 0).ToList();
        if (questions.Count == 0) Errors.Add("questions", "Add at least one question for practitioners to ask themselves");
        foreach (var (field, text) in new[] { ("process", Process), ("goodPractice", GoodPractice), ("resources", Resources), ("questions", Questions) })
            Errors.Text(field, text);
        var content = new LearningSummaryContent(Process?.Trim() ?? "", GoodPractice?.Trim() ?? "", Resources?.Trim() ?? "", questions);
        return await SendAsync(new DraftLearningSummary(content), "process", "The draft is saved.", ct);
    }

    public async Task<IActionResult> OnPostReviewAsync(string id, CancellationToken ct) =>
        !await LoadAsync(id, ct) ? NotFound() : await SendAsync(new SubmitSummaryForReview(), "workflow", "The summary is with the reviewer.", ct);

    public async Task<IActionResult> OnPostApproveAsync(string id, CancellationToken ct) =>
        !await LoadAsync(id, ct) ? NotFound() : await SendAsync(new ApproveSummary(), "workflow", "The summary is approved. Publish it when ready.", ct);

    public async Task<IActionResult> OnPostReturnAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Errors.Text("reason", Reason, "Say what needs changing");
        return await SendAsync(new ReturnSummary(Reason?.Trim() ?? ""), "reason", "The summary is back with its author for changes.", ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(string id, CancellationToken ct) =>
        !await LoadAsync(id, ct) ? NotFound()
            : await SendAsync(new PublishSummary(), "workflow", "The summary is published. Agree the action plan next.", ct, $"/cycles/{id}/actions");

    protected override string FieldFor(string? rejectionField, string fallback) => rejectionField switch
    {
        "content.process" => "process",
        "content.reflectiveQuestions" => "questions",
        _ => fallback,
    };
}

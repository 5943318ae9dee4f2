using Maca.Functions.Workflow;
using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Functions.Input;
using Maca.Functions.Pages.Shared;
using Maca.Functions.Summaries;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Summaries;
using Microsoft.AspNetCore.Mvc;

namespace Maca.Functions.Pages.Cycles;

/// <summary>
/// The learning summary's workflow: draft, send for review, approve or return, then publish. The whole text is checked
/// for identifiers (with the partnership's own names) and every hit is listed by section; approval waits until none is
/// left. The summary can be read as a web page or downloaded as Word, each download a stored version.
/// </summary>
public sealed class SummaryModel(CycleStore store, CycleGateway engine, NamesToKeepOut namesToKeepOut, SummaryVersions versions)
    : CoordinatorCyclePage(store, engine)
{
    [BindProperty] public string? WhyThisTheme { get; set; }
    [BindProperty] public string? Process { get; set; }
    [BindProperty] public string? GoodPractice { get; set; }
    [BindProperty] public string? Resources { get; set; }
    [BindProperty] public string? Questions { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public IReadOnlyList<IdentifierHit> Hits { get; private set; } = [];
    public bool Editable => Cycle.Phase == CyclePhase.DraftingSummary && Cycle.Summary is SummaryStatus.None or SummaryStatus.Draft;

    protected override async Task ShowingAsync()
    {
        if (Cycle.SummaryContent is { } content)
            (WhyThisTheme, Process, GoodPractice, Resources, Questions) =
                (content.WhyThisTheme, content.Process, content.GoodPractice, content.Resources, string.Join("\n", content.ReflectiveQuestions));
        Hits = await HitsAsync();
    }

    private async Task<IReadOnlyList<IdentifierHit>> HitsAsync() => Cycle.SummaryContent is null ? []
        : SummaryScreen.Hits(LearningSummaryDocument.From(Cycle), await namesToKeepOut.ForPartnershipAsync(Cycle.PartnershipId, HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostDraftAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Errors.Text("process", Process, "Describe how the audit was done");
        var questions = (Questions ?? "").Split('\n').Select(q => q.Trim()).Where(q => q.Length > 0).ToList();
        if (questions.Count == 0) Errors.Add("questions", "Add at least one question for practitioners to ask themselves");
        foreach (var (field, text) in new[] { ("whyThisTheme", WhyThisTheme), ("goodPractice", GoodPractice), ("resources", Resources), ("questions", Questions) })
            Errors.Text(field, text);
        var content = new LearningSummaryContent(Process?.Trim() ?? "", GoodPractice?.Trim() ?? "", Resources?.Trim() ?? "", questions,
            string.IsNullOrWhiteSpace(WhyThisTheme) ? null : WhyThisTheme.Trim());
        return await SendAsync(new DraftLearningSummary(content), "process", "The draft is saved.", ct);
    }

    public async Task<IActionResult> OnPostReviewAsync(string id, CancellationToken ct) =>
        !await LoadAsync(id, ct) ? NotFound() : await SendAsync(new SubmitSummaryForReview(), "workflow", "The summary is with the reviewer.", ct);

    public async Task<IActionResult> OnPostApproveAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Hits = await HitsAsync();
        if (Hits.Count > 0) Errors.Add("identifiers", "Resolve every possible identifier listed below before approving");
        return await SendAsync(new ApproveSummary(), "workflow", "The summary is approved. Publish it when ready.", ct);
    }

    public async Task<IActionResult> OnPostReturnAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Errors.Text("reason", Reason, "Say what needs changing");
        return await SendAsync(new ReturnSummary(Reason?.Trim() ?? ""), "reason", "The summary is back with its author for changes.", ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(string id, CancellationToken ct) =>
        !await LoadAsync(id, ct) ? NotFound()
            : await SendAsync(() => versions.PublishAsync(Cycle, User.Actor(), ct), "workflow",
                "The summary is published and every agency lead has a link to it. Agree the action plan next.", $"/cycles/{id}/actions");

    /// <summary>The Word version: stored once per distinct content, recorded in the history with its SHA-256.</summary>
    public async Task<IActionResult> OnGetWordAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Cycle.DocumentsPurgedAt is not null) return StatusCode(StatusCodes.Status410Gone);
        if (await versions.DownloadCurrentAsync(Cycle, User.Actor(), ct) is not { } file) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(file.Bytes, SummaryVersions.ContentType, file.FileName);
    }

    protected override string FieldFor(string? rejectionField, string fallback) => rejectionField switch
    {
        "content.process" => "process",
        "content.reflectiveQuestions" => "questions",
        _ => fallback,
    };
}

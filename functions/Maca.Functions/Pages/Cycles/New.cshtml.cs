using Maca.Functions.Workflow;
using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Functions.Directory;
using Maca.Functions.Pages.Shared;
using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maca.Functions.Pages.Cycles;

/// <summary>
/// The new-cycle wizard: partnership (when the coordinator runs more than one), theme and audit type, agencies and
/// which of them nominate, then cases and timetable, then check and start. Starting sends the same StartCycle the
/// API does, through the same directory look-up and engine.
/// </summary>
public sealed class NewModel(DirectoryStore directory, CycleGateway engine, WorkingCalendar calendar, TimeProvider clock) : PageModel
{
    public static readonly string[] Steps = ["partnership", "theme", "agencies", "timetable", "check"];

    [BindProperty] public NewCycleAnswers Answers { get; set; } = new();
    public string Step { get; private set; } = "partnership";
    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];
    public Partnership? Partnership { get; private set; }
    public IReadOnlyList<global::Maca.Functions.Directory.Agency> DirectoryAgencies { get; private set; } = [];
    public Dictionary<string, DateOnly> Defaults { get; private set; } = [];
    public Dictionary<string, DateInput> Dates { get; } = [];
    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Answers = new NewCycleAnswers { Key = Guid.NewGuid().ToString("N") };
        await LoadAsync(ct);
        if (Partnerships.Count == 1) Answers.PartnershipId = Partnerships[0].Id;
        return await ShowAsync(Partnerships.Count == 1 ? "theme" : "partnership", ct);
    }

    /// <summary>"Continue" checks the step it came from and moves on; "Change" on the check page goes back to a step.</summary>
    public async Task<IActionResult> OnPostAsync(string step, string? change, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (change is not null && Steps.Contains(change)) return await ShowAsync(change, ct);
        if (!Steps.Contains(step)) return BadRequest();
        await CheckAsync(step, ct);
        if (Errors.Any)
        {
            ViewData["HasErrors"] = true;
            return await ShowAsync(step, ct);
        }
        if (step != "check") return await ShowAsync(Steps[Array.IndexOf(Steps, step) + 1], ct);
        return await StartAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var visible = User.VisiblePartnerships(null);
        Partnerships = (await directory.PartnershipsAsync(ct)).Where(p => visible is null || visible.Contains(p.Id)).ToList();
        Defaults = NewCycleAnswers.Defaults(calendar, WorkingCalendar.UkDate(clock.GetUtcNow()));
    }

    private async Task<IActionResult> ShowAsync(string step, CancellationToken ct)
    {
        Step = step;
        Partnership = Partnerships.FirstOrDefault(p => p.Id == Answers.PartnershipId);
        if (Partnership is null && step != "partnership") return await ShowAsync("partnership", ct);
        if (Partnership is not null) DirectoryAgencies = await directory.AgenciesAsync(Partnership.Id, ct);
        if (step == "agencies" && Answers.Agencies.Count == 0 && Errors.For("agencies") is null) Answers.Agencies = DirectoryAgencies.Select(a => a.Code).ToList();
        foreach (var field in NewCycleAnswers.TimetableFields)
            if (!Dates.ContainsKey(field)) Dates[field] = DateInput.Of(Answers.DateValue(field) ?? Defaults[field]);
        Answers.TargetCases ??= "6";
        return Page();
    }

    private async Task CheckAsync(string step, CancellationToken ct)
    {
        switch (step)
        {
            case "partnership":
                if (Partnerships.All(p => p.Id != Answers.PartnershipId)) Errors.Add("partnershipId", "Choose the partnership this audit is for");
                break;
            case "theme":
                var themes = Partnerships.FirstOrDefault(p => p.Id == Answers.PartnershipId)?.Themes ?? [];
                if (!themes.Contains(Answers.Theme ?? "")) Errors.Add("theme", "Choose the theme from the board's list");
                if (!Enum.TryParse<AuditType>(Answers.AuditType, out _) || int.TryParse(Answers.AuditType, out _))
                    Errors.Add("auditType", "Choose an in-depth or a desktop audit");
                break;
            case "agencies":
                var known = (await directory.AgenciesAsync(Answers.PartnershipId ?? "", ct)).Select(a => a.Code).ToHashSet();
                Answers.Agencies = Answers.Agencies.Where(known.Contains).Distinct().ToList();
                if (Answers.Agencies.Count < 2) Errors.Add("agencies", "Choose at least two agencies: this is a multi-agency audit");
                else if (Answers.Agencies.Count > CycleLimits.MaxAgencies) Errors.Add("agencies", $"Choose at most {CycleLimits.MaxAgencies} agencies");
                Answers.Nominators = Answers.Nominators.Where(Answers.Agencies.Contains).Distinct().ToList();
                if (Answers.Nominators.Count == 0) Errors.Add("nominators", "Choose at least one agency to nominate cases");
                break;
            case "timetable":
                foreach (var field in NewCycleAnswers.TimetableFields)
                {
                    Dates[field] = DateInput.From(Request.Form, field);
                    var (date, problem) = Dates[field].Read("the date");
                    if (problem is not null) Errors.Add(field, problem);
                    Answers.SetDate(field, date);
                }
                CheckCases();
                break;
            case "check":
                foreach (var field in NewCycleAnswers.TimetableFields.Where(f => Answers.DateValue(f) is null)) Errors.Add(field, "Enter the date");
                CheckCases();
                break;
        }
    }

    private void CheckCases()
    {
        if (!int.TryParse(Answers.TargetCases, out var cases) || cases is < 1 or > 20) Errors.Add("targetCases", "Enter a number of cases from 1 to 20");
    }

    /// <summary>Where a problem found at the start belongs: its field, and the step that asks for it.</summary>
    private static (string Field, string Step) WhereItBelongs(string? rejectionField) => rejectionField?.Split('.')[^1] switch
    {
        "targetCases" => ("targetCases", "timetable"),
        "agencies" or "agencyCodes" => ("agencies", "agencies"),
        "nominatingAgencies" => ("nominators", "agencies"),
        { } f when NewCycleAnswers.TimetableFields.Contains(f) => (f, "timetable"),
        _ => ("theme", "theme"),
    };

    private async Task<IActionResult> StartAsync(CancellationToken ct)
    {
        // Every step again: the hidden fields came back from the browser and are trusted no more than the first time.
        foreach (var step in new[] { "partnership", "theme", "agencies", "check" }) await CheckAsync(step, ct);
        if (Errors.Any)
        {
            ViewData["HasErrors"] = true;
            return await ShowAsync(WhereItBelongs(Errors.All[0].Field).Step, ct);
        }
        // A date left at its default is not sent: the cycle then works it out from the day each phase really starts.
        DateOnly? Chosen(string field) => Answers.DateValue(field) is { } d && d != Defaults[field] ? d : null;
        var request = new StartCycleRequest(Answers.PartnershipId!, Answers.Theme!, Enum.Parse<AuditType>(Answers.AuditType!), Answers.Agencies,
            int.Parse(Answers.TargetCases!), new Timetable(Chosen("nominationsOpen"), Chosen("nominationsClose"), Chosen("submissionDeadline"), Chosen("meetingTarget")),
            NominatingAgencies: Answers.Nominators.Count == Answers.Agencies.Count ? null : Answers.Nominators);
        var cycleId = StartCycleRequest.NewCycleId(request.PartnershipId, Answers.Key);
        var (command, problems, _) = await request.ResolveAsync(cycleId, directory, ct);
        var result = command is null ? null : await engine.ExecuteAsync(cycleId, command, Answers.Key, actor: User.Actor(), ct: ct);
        var rejection = result?.Rejection;
        if (command is null || rejection is not null)
        {
            var (field, message) = rejection is { } r ? (r.Field, r.Message) : (problems.Keys.First(), problems.Values.First()[0]);
            var (formField, step) = WhereItBelongs(field);
            Errors.Add(formField, message);
            ViewData["HasErrors"] = true;
            return await ShowAsync(step, ct);
        }
        // Not yet recorded: the list of audits says it is being processed, and shows it once it is.
        if (result!.Pending) return Redirect("/cycles");
        return Redirect($"/cycles/{cycleId}?notice=" + Uri.EscapeDataString("The audit has started. Nomination requests go out as soon as nominations open."));
    }
}

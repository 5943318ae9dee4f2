using Maca.Orchestrations.Calendar;

namespace Maca.Benchmarks.Workflow;

/// <summary>
/// One compact in-depth cycle, phase by phase: 3 agencies, 2 cases, a meeting, findings, a published summary and
/// two actions verified to closure. The bench runs every cycle's phase at once, then moves the shared clock on.
/// </summary>
public static class CycleToClosure
{
    public static readonly string[] Agencies = ["CSC", "POL", "ACUTE"];
    public static DateTimeOffset Uk(int y, int m, int d, int h) => WorkingCalendar.AtUkTime(new DateOnly(y, m, d), new TimeOnly(h, 0));
    public static readonly DateTimeOffset Start = Uk(2030, 1, 7, 10), MeetingStart = Uk(2030, 1, 28, 10), AfterMeeting = Uk(2030, 1, 28, 13);

    private static object Answers() => Enumerable.Range(1, 11)
        .Select(q => new { question = q, grade = "Good", comment = "Recorded and reviewed.", yes = q is 1 or 6 or 7 or 8 ? true : (bool?)null }).ToArray();

    public static async Task<string> StartAndNominateAsync(BenchApi api, string partnership, int i)
    {
        var started = await api.CommandAsync(HttpMethod.Post, "/api/cycles",
            new { partnershipId = partnership, theme = "Self harm", auditType = "InDepth", agencyCodes = Agencies, targetCases = 2 });
        var id = started!["id"]!.GetValue<string>();
        foreach (var (agency, c) in new[] { ("CSC", "A"), ("POL", "B") })
            await api.RaiseAsync(id, "NominateCase", new { agencyCode = agency, caseRef = $"BENCH-{i}-{c}", ageBand = "11 to 15", gender = "Female", ethnicity = "White", disability = false, agenciesInvolved = Agencies, reason = "Repeated presentations" });
        return id;
    }

    public static async Task SelectAndSubmitAsync(BenchApi api, string id, int i)
    {
        await api.RaiseAsync(id, "CloseNominations");
        await api.RaiseAsync(id, "SelectCases", new { cases = new[] { new { caseRef = $"BENCH-{i}-A", agenciesInScope = new[] { "CSC", "POL" } }, new { caseRef = $"BENCH-{i}-B", agenciesInScope = new[] { "CSC", "ACUTE" } } } });
        foreach (var (agency, c) in new[] { ("CSC", "A"), ("CSC", "B"), ("POL", "A"), ("ACUTE", "B") })
        {
            var chronology = await api.UploadChronologyAsync(id, agency);
            await api.RaiseAsync(id, "SubmitAuditTool", new { agencyCode = agency, caseRef = $"BENCH-{i}-{c}", chronologyRef = chronology, answers = Answers() });
        }
    }

    public static async Task ArrangeMeetingAsync(BenchApi api, string id)
    {
        await api.RaiseAsync(id, "ProposeMeetingSlots", new
        {
            slots = new[] { new { start = MeetingStart, end = MeetingStart.AddHours(2) }, new { start = MeetingStart.AddDays(1), end = MeetingStart.AddDays(1).AddHours(2) } },
            location = "Online",
        });
        foreach (var agency in Agencies)
            await api.RaiseAsync(id, "GiveAvailability", new { agencyCode = agency, slots = new Dictionary<string, bool> { ["S1"] = true, ["S2"] = agency == "POL" } });
    }

    public static async Task LearnAndActAsync(BenchApi api, string id, int i)
    {
        await api.RaiseAsync(id, "RecordMeetingHeld");
        foreach (var c in new[] { "A", "B" })
            await api.RaiseAsync(id, "RecordCaseFindings", new { caseRef = $"BENCH-{i}-{c}", strengths = new[] { "Prompt sharing" }, findings = new[] { new { text = "Voice of the child missing", themes = new[] { "VOC" } } }, gradings = new Dictionary<string, string>() });
        await api.RaiseAsync(id, "AddRecommendation", new { text = "Briefing on hearing the child", category = "Training and awareness" });
        await api.RaiseAsync(id, "CompleteFindings");
        await api.RaiseAsync(id, "DraftLearningSummary", new { content = new { process = "Three agencies, two cases.", goodPractice = "Prompt sharing.", resources = "Local guidance.", reflectiveQuestions = new[] { "Do you hear the child?" } } });
        foreach (var step in new[] { "SubmitSummaryForReview", "ApproveSummary", "PublishSummary" }) await api.RaiseAsync(id, step);
        foreach (var agency in new[] { "CSC", "POL" })
            await api.RaiseAsync(id, "AddAction", new { recommendationId = "R1", agencyCode = agency, description = "Deliver the briefing", dueDate = "2030-06-28", successMeasure = "Attendance over 90%" });
        await api.RaiseAsync(id, "AgreeActionPlan");
        foreach (var (action, agency) in new[] { ("A1", "CSC"), ("A2", "POL") })
        {
            await api.RaiseAsync(id, "CompleteAction", new { actionId = action, agencyCode = agency });
            await api.RaiseAsync(id, "VerifyAction", new { actionId = action });
        }
    }

    public const int CommandsPerCycle = 1 + 2 + 2 + 4 + 1 + 3 + 1 + 2 + 2 + 4 + 2 + 1 + 4;
}

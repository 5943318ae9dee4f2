using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Pages.Cycles;

/// <summary>
/// What the new-cycle wizard has been told so far. Every step posts all of it back in hidden fields, so nothing is
/// held on the server between steps and the browser's back button cannot leave a half-made cycle.
/// </summary>
public sealed class NewCycleAnswers
{
    public string? PartnershipId { get; set; }
    public string? Theme { get; set; }
    public string? AuditType { get; set; }
    public List<string> Agencies { get; set; } = [];
    public List<string> Nominators { get; set; } = [];
    public string? TargetCases { get; set; }
    public string? NominationsOpen { get; set; }
    public string? NominationsClose { get; set; }
    public string? SubmissionDeadline { get; set; }
    public string? MeetingTarget { get; set; }
    /// <summary>Made on the first step and sent with the start, so a double click cannot start two cycles.</summary>
    public string? Key { get; set; }

    public static readonly string[] TimetableFields = ["nominationsOpen", "nominationsClose", "submissionDeadline", "meetingTarget"];

    /// <summary>The working-day defaults from today, shown in the boxes and used for any date left as it was.</summary>
    public static Dictionary<string, DateOnly> Defaults(WorkingCalendar calendar, DateOnly today)
    {
        var open = calendar.NextWorkingDayOnOrAfter(today);
        var close = calendar.AddWorkingDays(open, DefaultDurations.NominationWorkingDays);
        var deadline = calendar.AddWorkingDays(close, DefaultDurations.SubmissionWorkingDays);
        return new()
        {
            ["nominationsOpen"] = open, ["nominationsClose"] = close, ["submissionDeadline"] = deadline,
            ["meetingTarget"] = calendar.AddWorkingDays(deadline, DefaultDurations.MeetingAfterSubmissionWorkingDays),
        };
    }

    public string? Date(string field) => field switch
    {
        "nominationsOpen" => NominationsOpen, "nominationsClose" => NominationsClose,
        "submissionDeadline" => SubmissionDeadline, _ => MeetingTarget,
    };

    public void SetDate(string field, DateOnly? value)
    {
        var text = value?.ToString("yyyy-MM-dd");
        switch (field)
        {
            case "nominationsOpen": NominationsOpen = text; break;
            case "nominationsClose": NominationsClose = text; break;
            case "submissionDeadline": SubmissionDeadline = text; break;
            default: MeetingTarget = text; break;
        }
    }

    public DateOnly? DateValue(string field) => DateOnly.TryParseExact(Date(field), "yyyy-MM-dd", out var d) ? d : null;
}

using Maca.Functions.Cycles;
using Maca.Orchestrations.Actions;
using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Pages.Shared;

/// <summary>What the pages say instead of internal codes: phases, statuses and RAG in words a coordinator uses.</summary>
public static class PlainWords
{
    public static string Phase(CyclePhase phase) => phase switch
    {
        CyclePhase.NotStarted or CyclePhase.Planned => "Planned",
        CyclePhase.Nominating => "Nominations open",
        CyclePhase.Selecting => "Choosing cases",
        CyclePhase.AwaitingSubmissions => "Waiting for submissions",
        CyclePhase.SchedulingMeeting => "Arranging the meeting",
        CyclePhase.MeetingBooked => "Meeting booked",
        CyclePhase.RecordingFindings => "Recording findings",
        CyclePhase.DraftingSummary => "Writing the learning summary",
        CyclePhase.ActionPlanning => "Agreeing the action plan",
        CyclePhase.FollowingUpActions => "Following up actions",
        CyclePhase.Closed => "Closed",
        _ => "Stopped",
    };

    /// <summary>The words and GOV.UK tag colour for a cycle's overall status.</summary>
    public static (string Words, string TagClass) Status(RuntimeStatus status) => status switch
    {
        RuntimeStatus.Running => ("In progress", "govuk-tag--blue"),
        RuntimeStatus.Suspended => ("Paused", "govuk-tag--yellow"),
        RuntimeStatus.Completed => ("Closed", "govuk-tag--green"),
        RuntimeStatus.Terminated => ("Stopped", "govuk-tag--red"),
        RuntimeStatus.Failed => ("Failed", "govuk-tag--red"),
        _ => ("Not started", "govuk-tag--grey"),
    };

    public static (string Words, string TagClass) Rag(Rag rag) => rag switch
    {
        Orchestrations.Actions.Rag.Red => ("Red: actions overdue", "govuk-tag--red"),
        Orchestrations.Actions.Rag.Amber => ("Amber: actions due soon", "govuk-tag--yellow"),
        _ => ("Green: on track", "govuk-tag--green"),
    };

    /// <summary>"SubmissionReminder" as "Submission reminder": event and email kinds read as sentences.</summary>
    public static string Sentence(string pascalCase)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(pascalCase, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>An action's status, with its RAG while it is open, as words and a tag colour (RAG is text; the colour only helps).</summary>
    public static (string Words, string TagClass) ActionStatus(Orchestrations.Cycles.ActionStatus status, Rag? rag) => (status, rag) switch
    {
        (Orchestrations.Cycles.ActionStatus.Completed, _) => ("Completed, to verify", "govuk-tag--blue"),
        (Orchestrations.Cycles.ActionStatus.Verified, _) => ("Verified", "govuk-tag--green"),
        (Orchestrations.Cycles.ActionStatus.CarriedForward, _) => ("Carried forward", "govuk-tag--grey"),
        (_, Orchestrations.Actions.Rag.Red) => ("Red: overdue", "govuk-tag--red"),
        (_, Orchestrations.Actions.Rag.Amber) => ("Amber: due soon", "govuk-tag--yellow"),
        _ => ("Green: on track", "govuk-tag--green"),
    };

    /// <summary>A grid cell's words and tag colour.</summary>
    public static (string Words, string TagClass) Cell(Orchestrations.Reading.CellState state) => state switch
    {
        Orchestrations.Reading.CellState.NotInScope => ("Not in scope", "govuk-tag--grey"),
        Orchestrations.Reading.CellState.Submitted => ("Submitted", "govuk-tag--green"),
        Orchestrations.Reading.CellState.NotKnown => ("Not known", "govuk-tag--grey"),
        Orchestrations.Reading.CellState.Missing => ("Missing", "govuk-tag--red"),
        Orchestrations.Reading.CellState.Overdue => ("Overdue", "govuk-tag--red"),
        Orchestrations.Reading.CellState.ExtensionRequested => ("Extension requested", "govuk-tag--yellow"),
        Orchestrations.Reading.CellState.Extended => ("Extended", "govuk-tag--purple"),
        Orchestrations.Reading.CellState.Draft => ("Draft", "govuk-tag--blue"),
        _ => ("Not started", "govuk-tag--grey"),
    };

    /// <summary>The one detail that makes a history line useful on its own: which file, which case.</summary>
    public static string Detail(HistoryEvent entry) => entry.EventType switch
    {
        "DocumentDownloaded" => $": {entry.Data?["fileName"]} from {entry.Data?["agencyCode"]}",
        "DocumentAttached" => $": {entry.Data?["document"]?["fileName"]}",
        "LearningSummaryDownloaded" or "LearningSummaryVersionStored" or "LearningSummaryPublished" when entry.Data?["version"] is { } v
            => $": version {v}",
        "DocumentsPurged" => $": {entry.Data?["files"]} files after {entry.Data?["retentionDays"]} days",
        "AuditToolSubmitted" or "NotKnownDeclared" or "SubmissionDraftSaved" => $": {entry.Data?["agencyCode"]}, case {entry.Data?["caseRef"]}",
        _ => "",
    };

    /// <summary>Who did it, as the history's reader understands it.</summary>
    public static string Actor(string actor, IReadOnlyDictionary<string, AgencyContact> agencies) => actor switch
    {
        Actors.System => "Maca (automatic)",
        Actors.Retention => "Maca (retention period)",
        _ when actor.StartsWith("agency:", StringComparison.Ordinal) =>
            agencies.TryGetValue(actor[7..], out var a) ? $"{a.Name} (by link)"
                : $"{ActionOwners.GroupName(actor[7..]) ?? actor[7..]} (by link)",
        _ when actor.StartsWith("coordinator:", StringComparison.Ordinal) => $"Coordinator ({actor[12..]})",
        _ => "Coordinator",
    };

    /// <summary>What an agency still owes in this phase: "1 nomination", "2 cases", "an availability answer".</summary>
    public static string Owed(CyclePhase phase, int count) => phase switch
    {
        CyclePhase.Nominating => count == 1 ? "1 nomination" : $"{count} nominations",
        CyclePhase.AwaitingSubmissions => count == 1 ? "1 case" : $"{count} cases",
        CyclePhase.SchedulingMeeting => "an answer about the meeting times",
        _ => count == 1 ? "1 open action" : $"{count} open actions",
    };

    public static string AuditType(AuditType type) => type == Orchestrations.Cycles.AuditType.Desktop ? "Desktop" : "In-depth";
}

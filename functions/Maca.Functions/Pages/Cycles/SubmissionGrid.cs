using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Nominations;

namespace Maca.Functions.Pages.Cycles;

/// <summary>One cell of the dashboard's grid: where an agency stands on one case, in words and a tag colour.</summary>
public sealed record GridCell(string Words, string TagClass);

/// <summary>Cases down, agencies across: what each agency owes for each case, as the coordinator reads it.</summary>
public static class SubmissionGrid
{
    public static GridCell Cell(CycleState cycle, SelectedCase selected, string agency, DateTimeOffset now)
    {
        if (!selected.AgenciesInScope.Contains(agency)) return new("Not in scope", "govuk-tag--grey");
        var record = cycle.Submissions.GetValueOrDefault(CycleState.SubmissionKey(agency, selected.CaseRef));
        return record?.Status switch
        {
            SubmissionStatus.Submitted => new("Submitted", "govuk-tag--green"),
            SubmissionStatus.NotKnown => new("Not known", "govuk-tag--grey"),
            SubmissionStatus.Missing => new("Missing", "govuk-tag--red"),
            _ when now > cycle.DeadlineFor(agency) => new("Overdue", "govuk-tag--red"),
            _ when cycle.PendingExtensions.ContainsKey(agency) => new("Extension requested", "govuk-tag--yellow"),
            _ when cycle.AgencyDeadlines.TryGetValue(agency, out var own) && cycle.SubmissionDeadline is { } all && own > all =>
                new("Extended", "govuk-tag--purple"),
            SubmissionStatus.Draft => new("Draft", "govuk-tag--blue"),
            _ => new("Not started", "govuk-tag--grey"),
        };
    }
}

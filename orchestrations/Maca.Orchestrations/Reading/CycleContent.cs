using Maca.Orchestrations.Actions;
using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Findings;
using Maca.Orchestrations.Submissions;

namespace Maca.Orchestrations.Reading;

/// <summary>Where one agency stands on one case, as the coordinator reads it.</summary>
public enum CellState { NotInScope, NotStarted, Draft, Submitted, NotKnown, Overdue, ExtensionRequested, Extended, Missing }

public sealed record DocumentContent(string Id, string FileName, string Sha256, long Bytes);
public sealed record CellContent(string AgencyCode, string AgencyName, CellState State, DocumentContent? Chronology, DateTimeOffset? At);
public sealed record ThemeContent(string Code, string Name);
public sealed record FindingContent(string Text, IReadOnlyList<ThemeContent> Themes);
public sealed record GradingContent(string AgencyCode, string AgencyName, Grade Grade);
public sealed record CaseFindingsContent(IReadOnlyList<string> Strengths, IReadOnlyList<FindingContent> Findings, IReadOnlyList<GradingContent> Gradings,
    CaseAssurance? Assurance);
public sealed record CaseContent(string CaseRef, IReadOnlyList<string> AgenciesInScope, IReadOnlyList<CellContent> Cells, CaseFindingsContent? Findings);
public sealed record RecommendationContent(string Id, string Text, string Category);
public sealed record ActionContent(string Id, string Label, string? RecommendationId, string? CaseRef, string AgencyCode, string AgencyName, string Description, DateOnly DueDate,
    string SuccessMeasure, ActionStatus Status, Rag? Rag, string? LatestUpdate, DateTimeOffset? LatestUpdateAt, IReadOnlyList<DocumentContent> Evidence);

/// <summary>
/// Everything the cycle holds, read for people: scope and the submission state per case and agency, findings with
/// theme names, recommendations, and actions with their RAG. Pages and the API read this, not the raw history.
/// </summary>
public sealed record CycleContent(IReadOnlyList<CaseContent> Cases, IReadOnlyList<RecommendationContent> Recommendations,
    IReadOnlyList<ActionContent> Actions, Rag? PlanRag)
{
    public static CycleContent Of(CycleState s, DateTimeOffset now, WorkingCalendar calendar)
    {
        var agencies = s.Agencies.Values.OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        var cases = s.Cases.Select(c => new CaseContent(c.CaseRef, c.AgenciesInScope,
            agencies.Select(a => Cell(s, c.CaseRef, a, c.AgenciesInScope.Contains(a.Code), now)).ToList(), Findings(s, c.CaseRef))).ToList();
        var actions = s.Actions.Values.OrderBy(a => a.Id.Length).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => new ActionContent(a.Id, ActionOwners.Label(s, a), a.RecommendationId, a.CaseRef, a.AgencyCode, ActionOwners.Name(s, a.AgencyCode),
                a.Description, a.DueDate,
                a.SuccessMeasure, a.Status, RagOf(a, now, calendar), a.LatestUpdate, a.LatestUpdateAt,
                (a.EvidenceRefs ?? []).Select(id => Document(s, id)).OfType<DocumentContent>().ToList()))
            .ToList();
        return new CycleContent(cases, s.Recommendations.Select(r => new RecommendationContent(r.Id, r.Text, r.Category)).ToList(),
            actions, ActionPlanRag.Of(s, now, calendar));
    }

    private static CellContent Cell(CycleState s, string caseRef, AgencyContact agency, bool inScope, DateTimeOffset now)
    {
        var record = s.Submissions.GetValueOrDefault(CycleState.SubmissionKey(agency.Code, caseRef));
        var state = !inScope ? CellState.NotInScope : record?.Status switch
        {
            SubmissionStatus.Submitted => CellState.Submitted,
            SubmissionStatus.NotKnown => CellState.NotKnown,
            SubmissionStatus.Missing => CellState.Missing,
            _ when now > s.DeadlineFor(agency.Code) => CellState.Overdue,
            _ when s.PendingExtensions.ContainsKey(agency.Code) => CellState.ExtensionRequested,
            _ when s.AgencyDeadlines.TryGetValue(agency.Code, out var own) && s.SubmissionDeadline is { } all && own > all => CellState.Extended,
            SubmissionStatus.Draft => CellState.Draft,
            _ => CellState.NotStarted,
        };
        return new CellContent(agency.Code, agency.Name, state, record?.ChronologyRef is { } doc ? Document(s, doc) : null, record?.At);
    }

    private static CaseFindingsContent? Findings(CycleState s, string caseRef) => s.Findings.GetValueOrDefault(caseRef) is not { } f ? null
        : new CaseFindingsContent(f.Strengths,
            f.Findings.Select(x => new FindingContent(x.Text, x.Themes.Select(t => new ThemeContent(t, LearningThemes.All.GetValueOrDefault(t, t))).ToList())).ToList(),
            f.Gradings.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new GradingContent(g.Key, Name(s, g.Key), g.Value)).ToList(), f.Assurance);

    /// <summary>Each open action's own RAG, by the plan's rule: red past due, amber within five working days.</summary>
    private static Rag? RagOf(PlanAction a, DateTimeOffset now, WorkingCalendar calendar) => a.Status != ActionStatus.Open ? null
        : a.DueAt < now ? Rag.Red
        : a.DueDate <= calendar.AddWorkingDays(WorkingCalendar.UkDate(now), ActionPlanRag.AtRiskWorkingDays) ? Rag.Amber : Rag.Green;

    private static DocumentContent? Document(CycleState s, string id) =>
        s.Documents.TryGetValue(id, out var d) ? new DocumentContent(d.Id, d.FileName, d.Sha256, d.Bytes) : null;

    private static string Name(CycleState s, string code) => s.Agencies.TryGetValue(code, out var a) ? a.Name : code;
}

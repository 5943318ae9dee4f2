using Azure.Data.Tables;
using Maca.Functions.Cycles;
using Maca.Orchestrations.Actions;
using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Reading;

namespace Maca.Functions.ActionPlans;

/// <summary>
/// One action as the partnership's composite plan lists it: its own label and description, and what it is for
/// (the recommendation it serves, or the case a follow-up check is about), so actions 6a and 6b read apart.
/// </summary>
public sealed record PlanRow(string CycleId, string Theme, string Label, string Description, string ServesWhat,
    string Owner, string OwnerCode, DateOnly DueDate, string SuccessMeasure, ActionStatus Status, Rag? Rag,
    string? LatestUpdate, DateTimeOffset? LatestUpdateAt, IReadOnlyList<string> Evidence)
{
    /// <summary>Status and RAG in the words the pages use, with RAG as text (a fill is only a help).</summary>
    public (string Words, string TagClass) StatusShown => Pages.Shared.PlainWords.ActionStatus(Status, Rag);

    public string StatusWords => StatusShown.Words;

    /// <summary>The UK day of the latest update: what the exports show and store.</summary>
    public DateOnly? UpdatedOn => LatestUpdateAt is { } at ? WorkingCalendar.UkDate(at) : null;
}

public sealed record PlanFilter(
    string? Owner = null, ActionStatus? Status = null, string? Theme = null, string? CycleId = null)
{
    public IReadOnlyList<PlanRow> Apply(IEnumerable<PlanRow> rows) =>
        rows.Where(r => (Owner is null || r.OwnerCode == Owner) && (Status is null || r.Status == Status)
            && (Theme is null || r.Theme == Theme) && (CycleId is null || r.CycleId == CycleId)).ToList();
}

/// <summary>
/// Every action of every open cycle of a partnership, read through the read model, soonest due first.
/// </summary>
public sealed class CompositeActionPlan(CycleStore store, WorkingCalendar calendar, TimeProvider clock)
{
    public async Task<IReadOnlyList<PlanRow>> RowsAsync(string partnershipId, CancellationToken ct)
    {
        var rows = new List<PlanRow>();
        var now = clock.GetUtcNow();
        var open = (await PartnershipCycles.AllAsync(store, partnershipId, ct))
            .Where(s => !s.IsFinished && !s.Actions.IsEmpty);
        foreach (var cycle in open)
        {
            var content = CycleContent.Of(cycle, now, calendar);
            rows.AddRange(content.Actions.Select(a => new PlanRow(cycle.CycleId, cycle.Theme, a.Label,
                a.Description, ServesWhat(a, content.Recommendations), a.AgencyName, a.AgencyCode, a.DueDate,
                a.SuccessMeasure, a.Status, a.Rag, a.LatestUpdate, a.LatestUpdateAt,
                a.Evidence.Select(e => e.FileName).ToList())));
        }
        return rows.OrderBy(r => r.DueDate).ThenBy(r => r.CycleId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The recommendation an action serves (with its case, when it has one), or the case it follows up.
    /// </summary>
    private static string ServesWhat(ActionContent a, IReadOnlyList<RecommendationContent> recommendations)
    {
        var caseWords = a.CaseRef is { } caseRef ? $"case {caseRef}" : null;
        if (recommendations.FirstOrDefault(r => r.Id == a.RecommendationId) is not { } r)
            return caseWords is null ? "" : $"Follow-up check of {caseWords}";
        return caseWords is null ? $"{r.Id}: {r.Text}" : $"{r.Id}: {r.Text} ({caseWords})";
    }
}

/// <summary>Every cycle of one partnership, page by page from the snapshot rows.</summary>
public static class PartnershipCycles
{
    public static async Task<IReadOnlyList<CycleState>> AllAsync(CycleStore store, string partnershipId,
        CancellationToken ct) =>
        await store.ListAllAsync([TableClient.CreateQueryFilter($"PartnershipId eq {partnershipId}")], 200, ct)
            .Select(c => c.State).ToListAsync(ct);
}

using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Findings;

namespace Maca.Orchestrations.Reading;

/// <summary>One learning theme in one cycle: how many findings raised it, and which agencies those cases involved.</summary>
public sealed record ThemeInCycle(string CycleId, string AuditTheme, DateTimeOffset Started, int Findings, IReadOnlyList<string> Agencies);

/// <summary>
/// A learning theme across a partnership's cycles: how often it was raised, per cycle and per year, which agencies it
/// involved, whether the actions agreed in the cycles that raised it were completed, and whether it came back in a
/// cycle that started after an earlier one's actions were all verified ("are we improving, and how do we know?").
/// </summary>
public sealed record ThemeRecord(string Code, string Name, IReadOnlyList<ThemeInCycle> Cycles, IReadOnlyDictionary<int, int> FindingsPerYear,
    IReadOnlyList<string> Agencies, int ActionsAgreed, int ActionsDone, bool CameBackAfterActionsVerified)
{
    public int CycleCount => Cycles.Count;
    public int FindingCount => Cycles.Sum(c => c.Findings);
    public bool Recurs => CycleCount >= 2;
}

public static class RecurringLearning
{
    /// <summary>Every theme raised at least once, recurring ones first, most cycles then most findings first.</summary>
    public static IReadOnlyList<ThemeRecord> Of(IEnumerable<CycleState> cycles)
    {
        var audited = cycles.Where(c => !c.Findings.IsEmpty).OrderBy(c => c.CreatedAt).ToList();
        var records = new List<ThemeRecord>();
        foreach (var (code, name) in LearningThemes.All)
        {
            var raised = audited.Select(c => (Cycle: c, Findings: c.Findings.SelectMany(f => f.Value.Findings.Where(x => x.Themes.Contains(code))
                    .Select(_ => f.Key)).ToList()))
                .Where(x => x.Findings.Count > 0).ToList();
            if (raised.Count == 0) continue;
            var inCycles = raised.Select(x => new ThemeInCycle(x.Cycle.CycleId, x.Cycle.Theme, x.Cycle.CreatedAt, x.Findings.Count,
                x.Findings.SelectMany(caseRef => x.Cycle.Cases.First(c => c.CaseRef == caseRef).AgenciesInScope)
                    .Distinct().Order(StringComparer.Ordinal).ToList())).ToList();
            var actions = raised.SelectMany(x => x.Cycle.Actions.Values).ToList();
            // Came back: raised again in a cycle that started after an earlier raising cycle had every action verified.
            var cameBack = raised.Any(earlier => earlier.Cycle.Phase == CyclePhase.Closed && !earlier.Cycle.Actions.IsEmpty
                && earlier.Cycle.Actions.Values.All(a => a.Status == ActionStatus.Verified)
                && raised.Any(later => later.Cycle.CreatedAt > earlier.Cycle.EndedAt));
            records.Add(new ThemeRecord(code, name, inCycles,
                inCycles.GroupBy(c => c.Started.Year).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Findings)),
                inCycles.SelectMany(c => c.Agencies).Distinct().Order(StringComparer.Ordinal).ToList(),
                actions.Count, actions.Count(a => a.Status is ActionStatus.Completed or ActionStatus.Verified), cameBack));
        }
        return records.OrderByDescending(r => r.Recurs).ThenByDescending(r => r.CycleCount).ThenByDescending(r => r.FindingCount)
            .ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }
}

using Maca.Functions.Workflow;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Workflow;
using Microsoft.DurableTask;

namespace Maca.Functions.Engine;

/// <summary>
/// Every orchestrator and activity the worker runs, in one list: the local worker registers exactly these, and the
/// Azure entry has a [Function] of the same name for each (a package test holds the two together).
/// </summary>
public static class DurableTasks
{
    public static readonly IReadOnlyList<string> OrchestratorNames = [nameof(AuditCycleOrchestrator)];

    public static readonly IReadOnlyDictionary<string, Type> Activities = new Dictionary<string, Type>
    {
        [CycleActivities.RecordDecision] = typeof(RecordCycleDecisionActivity),
        [CycleActivities.SendEmail] = typeof(SendCycleEmailActivity),
    };

    /// <summary>
    /// Orchestrators are made by the worker, not by DI: each is handed the pure rules it decides with.
    /// </summary>
    public static void Register(DurableTaskRegistry tasks, CycleDecider decider)
    {
        tasks.AddOrchestrator(OrchestratorNames.Single(), () => new AuditCycleOrchestrator(decider));
        foreach (var (name, type) in Activities) tasks.AddActivity(name, type);
    }
}

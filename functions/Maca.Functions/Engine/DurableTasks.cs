using Maca.Functions.Workflow;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Workflow;
using Microsoft.DurableTask;

namespace Maca.Functions.Engine;

/// <summary>
/// Every orchestrator and activity the worker runs, in one list: the local worker registers exactly these, and the
/// Azure entry has a [Function] of the same name for each.
/// </summary>
public static class DurableTasks
{
    /// <summary>
    /// Orchestrators are made by the worker, not by DI: each is handed the pure rules it decides with.
    /// </summary>
    public static void Register(DurableTaskRegistry tasks, CycleDecider decider)
    {
        tasks.AddOrchestrator(nameof(AuditCycleOrchestrator), () => new AuditCycleOrchestrator(decider));
        tasks.AddActivity<RecordCycleDecisionActivity>(CycleActivities.RecordDecision);
        tasks.AddActivity<SendCycleEmailActivity>(CycleActivities.SendEmail);
    }
}

using Maca.Functions.Retention;
using Maca.Functions.Workflow;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Maca.IsolatedWorker;

/// <summary>
/// Thin: each function hands over to the class the local engine registers under the same name (DurableTasks).
/// </summary>
public sealed class CycleFunctions(CycleDecider decider)
{
    [Function(nameof(AuditCycleOrchestrator))]
    public Task<string> AuditCycleOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new AuditCycleOrchestrator(decider).RunAsync(context, context.GetInput<CycleRun>()!);

    /// <param name="instanceId">Bound from the trigger's metadata: the orchestration that called the activity.</param>
    [Function(CycleActivities.RecordDecision)]
    public Task<IReadOnlyList<string>> RecordCycleDecisionActivity([ActivityTrigger] CycleDecisionRecord input,
        string instanceId, FunctionContext function) =>
        ActivatorUtilities.GetServiceOrCreateInstance<RecordCycleDecisionActivity>(function.InstanceServices)
            .RunAsync(new ActivityContext(CycleActivities.RecordDecision, instanceId), input);

    [Function(CycleActivities.SendEmail)]
    public Task<bool> SendCycleEmailActivity([ActivityTrigger] string outboxId, string instanceId,
        FunctionContext function) =>
        ActivatorUtilities.GetServiceOrCreateInstance<SendCycleEmailActivity>(function.InstanceServices)
            .RunAsync(new ActivityContext(CycleActivities.SendEmail, instanceId), outboxId);

    /// <summary>What the SDK's own worker hands a class-based activity, made from the trigger's metadata.</summary>
    private sealed class ActivityContext(TaskName name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name => name;
        public override string InstanceId => instanceId;
    }
}

public sealed class RetentionFunction(RetentionJob retention, BindingDurableTaskClient engine)
{
    public const string Name = "RunRetention";

    /// <summary>Once a day at 02:15 UTC; the job itself removes files at most once a day.</summary>
    [Function(Name)]
    public Task<int> Run([TimerTrigger("0 15 2 * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client,
        CancellationToken ct)
    {
        engine.Use(client);
        return retention.RunIfDueAsync(ct);
    }
}

/// <summary>Every HTTP request, every method: the app's own pipeline answers it.</summary>
public sealed class AppFunction(AppPipeline app, BindingDurableTaskClient engine)
{
    public const string Name = "App";

    [Function(Name)]
    public IResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "delete", "patch", "head", "options",
            Route = "{*path}")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        engine.Use(client);
        return app.AsResult();
    }
}

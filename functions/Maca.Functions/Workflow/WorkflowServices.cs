using Maca.Functions.DevClock;

namespace Maca.Functions.Workflow;

/// <summary>What sends commands to the cycles' orchestrations, on whichever host runs the engine.</summary>
public static class WorkflowServices
{
    public static void AddWorkflow(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<CycleGateway>();
        services.AddSingleton<PendingStarts>();
        services.AddSingleton<OutcomeWait>();
        services.AddSingleton<FinishedCycleRecorder>();
        services.AddSingleton<ClockBroadcast>();
        services.AddSingleton<CycleRuntime>();
    }
}

using DurableTask.Core;
using Grpc.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;
using Protobuf = Microsoft.DurableTask.Protobuf;

namespace Maca.Functions.Engine;

/// <summary>
/// The sidecar (TaskHubGrpcServer from InProcessTestHost 0.2.3-preview.1) with two of its faults mended:
/// <list type="bullet">
/// <item>On ContinueAsNew(preserveUnprocessedEvents) the worker hands buffered events back as events to itself, and
/// this sidecar drops them when the next execution starts (fixed upstream after the package was cut). They are moved
/// into the completion's carry-over events, which it keeps, so no command raised during a restart is lost.</item>
/// <item>The worker's work-item stream ends as soon as the engine starts stopping, instead of holding Kestrel open
/// for the whole shutdown timeout.</item>
/// </list>
/// </summary>
public sealed class SidecarGrpcServer(IHostApplicationLifetime lifetime, ILoggerFactory loggerFactory,
    IOrchestrationService service, IOrchestrationServiceClient client, IOptions<TaskHubGrpcServerOptions> options)
    : TaskHubGrpcServer(lifetime, loggerFactory, service, client, options)
{
    private readonly CancellationToken _stopping = lifetime.ApplicationStopping;

    public override async Task GetWorkItems(Protobuf.GetWorkItemsRequest request,
        IServerStreamWriter<Protobuf.WorkItem> responseStream, ServerCallContext context)
    {
        var stopping = new TaskCompletionSource();
        using var registration = _stopping.Register(() => stopping.TrySetResult());
        await Task.WhenAny(base.GetWorkItems(request, responseStream, context), stopping.Task);
    }

    public override Task<Protobuf.CompleteTaskResponse> CompleteOrchestratorTask(Protobuf.OrchestratorResponse request,
        ServerCallContext context)
    {
        var continued = request.Actions.Select(a => a.CompleteOrchestration)
            .FirstOrDefault(c => c?.OrchestrationStatus == Protobuf.OrchestrationStatus.ContinuedAsNew);
        if (continued is null) return base.CompleteOrchestratorTask(request, context);
        var toItself = request.Actions.Where(a => a.SendEvent?.Instance?.InstanceId == request.InstanceId).ToList();
        foreach (var toSelf in toItself)
        {
            request.Actions.Remove(toSelf);
            continued.CarryoverEvents.Add(new Protobuf.HistoryEvent
            {
                EventId = -1,
                Timestamp = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow),
                EventRaised = new Protobuf.EventRaisedEvent
                {
                    Name = toSelf.SendEvent.Name, Input = toSelf.SendEvent.Data,
                },
            });
        }
        return base.CompleteOrchestratorTask(request, context);
    }
}

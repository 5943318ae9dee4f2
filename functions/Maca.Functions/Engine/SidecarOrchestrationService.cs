using DurableTask.Core;
using DurableTask.Core.History;

namespace Maca.Functions.Engine;

/// <summary>
/// The Azure Storage provider as the sidecar sees it, mending what the sidecar (InProcessTestHost 0.2.3-preview.1)
/// leaves out: it drops messages meant for an earlier execution of an instance, as DurableTask.Core's own dispatcher
/// does, so a timer cancelled before ContinueAsNew cannot fire the next execution's timer early; and it lets the host
/// wait for the provider to stop, which the sidecar starts from a callback nobody waits for. That callback also
/// starts the provider, so a start that fails (storage not there yet) is tried again here instead of ending the
/// process from a callback that cannot catch it.
/// </summary>
public sealed partial class SidecarOrchestrationService(IOrchestrationService inner, EngineWorkCounter work,
    ILogger<SidecarOrchestrationService> logger)
    : IOrchestrationService
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private int _started;
    private volatile bool _running;

    public bool WasStarted => Volatile.Read(ref _started) == 1;
    public Task Stopped => _stopped.Task;

    public async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout,
        CancellationToken cancellationToken)
    {
        var item = await inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
        var current = item?.OrchestrationRuntimeState?.ExecutionStartedEvent?.OrchestrationInstance?.ExecutionId;
        if (item is null || current is null) return item!;
        foreach (var stale in item.NewMessages.Where(m => m.Event is not ExecutionStartedEvent
                     && !string.IsNullOrEmpty(m.OrchestrationInstance?.ExecutionId)
                     && m.OrchestrationInstance.ExecutionId != current).ToList())
        {
            // Still in the provider's batch, so it is deleted from its queue when the work item completes.
            item.NewMessages.Remove(stale);
            LogDropped(item.InstanceId, stale.Event.EventType.ToString());
        }
        return item;
    }

    public async Task StartAsync()
    {
        Interlocked.Exchange(ref _started, 1);
        for (var wait = TimeSpan.FromSeconds(1); !_stopping.IsCancellationRequested; wait = Min(wait * 2, LongestWait))
        {
            try
            {
                await inner.StartAsync();
                _running = true;
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogNotStarted(ex.Message, wait.TotalSeconds);
                await Task.Delay(wait, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public Task StopAsync() => StopAsync(false);

    /// <summary>Never throws: the sidecar calls it from a callback whose exception would end the process.</summary>
    public async Task StopAsync(bool isForced)
    {
        await _stopping.CancelAsync();
        try
        {
            if (_running) await inner.StopAsync(isForced);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogNotStopped(ex.Message);
        }
        finally
        {
            _running = false;
            _stopped.TrySetResult();
        }
    }

    public Task CreateAsync() => inner.CreateAsync();
    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);
    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();
    public Task DeleteAsync() => inner.DeleteAsync();
    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) =>
        inner.GetDelayInSecondsAfterOnProcessException(exception);
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) =>
        inner.GetDelayInSecondsAfterOnFetchException(exception);
    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;
    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) =>
        inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);
    public Task CompleteTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState, IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages, TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        work.EpisodeDone();
        return inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages,
            orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
    }
    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) =>
        inner.AbandonTaskOrchestrationWorkItemAsync(workItem);
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) =>
        inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);
    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;
    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;
    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout,
        CancellationToken cancellationToken) =>
        inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) =>
        inner.RenewTaskActivityWorkItemLockAsync(workItem);
    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        work.ActivityDone();
        return inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    }
    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) =>
        inner.AbandonTaskActivityWorkItemAsync(workItem);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The workflow engine could not start ({Reason}); trying again in {Seconds} s")]
    private partial void LogNotStarted(string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The workflow engine did not stop cleanly ({Reason})")]
    private partial void LogNotStopped(string reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{InstanceId}: dropped {EventType} meant for an earlier execution")]
    private partial void LogDropped(string instanceId, string eventType);
}

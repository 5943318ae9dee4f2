using Grpc.Core;
using Microsoft.DurableTask.Client;

namespace Maca.Functions.Engine;

/// <summary>
/// Whether the workflow engine answers: one page of one instance asked through the SDK's client, which crosses the
/// sidecar and reads the task hub's instance table, the path every command takes.
/// </summary>
public sealed class DurableEngineProbe(DurableTaskClient client, Func<string> taskHubName)
{
    public string TaskHubName => taskHubName();

    public async Task<string> CheckAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var _ in client.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 1 }).AsPages()
                               .WithCancellation(ct))
                break;
            return "ok";
        }
        catch (OperationCanceledException) { return "error: no answer within 5 seconds"; }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
        {
            return "error: no answer within 5 seconds";
        }
        catch (RpcException ex) { return $"error: the engine answered {ex.StatusCode}"; }
    }
}

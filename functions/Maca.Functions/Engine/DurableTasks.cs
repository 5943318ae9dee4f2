using Microsoft.DurableTask;

namespace Maca.Functions.Engine;

/// <summary>
/// Every orchestrator and activity the worker runs, in one list: the local worker registers exactly these, and the
/// Azure entry has a [Function] of the same name for each.
/// </summary>
public static class DurableTasks
{
    public static void Register(DurableTaskRegistry tasks)
    {
    }
}

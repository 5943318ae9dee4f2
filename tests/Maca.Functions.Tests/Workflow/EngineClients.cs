namespace Maca.Functions.Tests.Workflow;

/// <summary>What the workflow proofs share.</summary>
public static class EngineClients
{
    /// <summary>How long a proof waits for the engine: long enough for a partition to change hands twice.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
}

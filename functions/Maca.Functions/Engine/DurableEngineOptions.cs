using System.ComponentModel.DataAnnotations;

namespace Maca.Functions.Engine;

/// <summary>Bound from the "Durable" section: the task hub the local engine runs on Azure Storage.</summary>
public sealed class DurableEngineOptions
{
    public const string Section = "Durable";

    /// <summary>Storage:NamePrefix goes in front, so tests sharing one Azurite each get a hub of their own.</summary>
    [RegularExpression("^[a-z][a-z0-9]{2,30}$",
        ErrorMessage = "Durable:TaskHubName must be 3 to 31 lower-case letters and digits.")]
    public string TaskHubName { get; set; } = "maca";

    /// <summary>
    /// Two control queues: enough for two processes to share the cycles, and only two queues to poll when idle.
    /// </summary>
    [Range(1, 16)] public int PartitionCount { get; set; } = 2;

    /// <summary>
    /// How long an idle engine may wait between polls of its queues. A command raised in this process is seen at
    /// once either way; one second bounds the wait for a command raised by another process.
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a message taken from a control queue stays hidden from other processes. When a partition moves to
    /// another process (one starts, or one dies), what the old owner had taken but not finished waits this long: the
    /// provider's default of 5 minutes held some cycles still for that long; an episode takes milliseconds.
    /// </summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one read-and-write of the partition table may take before the engine gives it up and tries again.
    /// The provider's 2 s is too short for Azurite on a small machine under load: Azurite finished the write, the
    /// engine thought it failed, and its partitions stood still for minutes while it sorted out its own leases.
    /// </summary>
    public TimeSpan PartitionTableOperationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Who holds the partition leases. Stable across restarts, so a restarted process takes its leases back at once
    /// instead of waiting 30 s for them to expire; unique per process, so two processes never share leases.
    /// Empty: the machine's name and this checkout's folder.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9._-]{0,64}$",
        ErrorMessage = "Durable:WorkerId may hold letters, digits, '.', '_' and '-'.")]
    public string WorkerId { get; set; } = "";

    /// <summary>
    /// How long an HTTP answer (or a page) waits for the orchestrator's outcome of a command before it says the
    /// command is being processed. In one process the outcome takes tens of milliseconds.
    /// </summary>
    public TimeSpan CommandWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The loopback port of the gRPC sidecar the SDK's worker and client talk to; 0 takes a free one.
    /// </summary>
    [Range(0, 65535)] public int SidecarPort { get; set; }
}

using Azure;

namespace Maca.Functions.Outbox;

public enum OutboxStatus { Pending, Sending, Sent, Failed }

/// <summary>
/// One queued email of a cycle and where its delivery stands. Only <see cref="OutboxStore"/> reads and writes
/// these rows; everyone else sees this record.
/// </summary>
public sealed record OutboxRow(
    string CycleId,
    string RowKey,
    string OutboxId,
    string Kind,
    OutboxStatus Status,
    int Attempts,
    DateTimeOffset QueuedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LeaseUntil,
    DateTimeOffset? SentAt,
    string? Transport,
    string? ProviderMessageId,
    string? LastError,
    string EmailJson,
    ETag ETag,
    string? RetriedBy = null,
    DateTimeOffset? RetriedAt = null)
{
    /// <summary>Another sender holds it and its lease has not run out.</summary>
    public bool IsLeased(DateTimeOffset now) => Status == OutboxStatus.Sending && LeaseUntil > now;
}

using Azure;

namespace Maca.Functions.Email.Delivery;

public enum EmailStatus { Pending, Sent, Failed }

/// <summary>
/// One email of a cycle and where its delivery stands: written with the decision that queued it, then updated by
/// the activity that sends it. Only <see cref="EmailDeliveries"/> reads and writes these rows.
/// </summary>
public sealed record EmailDeliveryRow(
    string CycleId,
    string RowKey,
    string OutboxId,
    string Kind,
    EmailStatus Status,
    int Attempts,
    DateTimeOffset QueuedAt,
    DateTimeOffset? SentAt,
    string? Transport,
    string? ProviderMessageId,
    string? LastError,
    string EmailJson,
    ETag ETag,
    string? RetriedBy = null,
    DateTimeOffset? RetriedAt = null);

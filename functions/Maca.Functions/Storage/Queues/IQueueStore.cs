namespace Maca.Functions.Storage.Queues;

/// <summary>One storage queue: at-least-once delivery with visibility timeouts.</summary>
public interface IQueueStore
{
    string Name { get; }
    Task CreateIfNotExistsAsync(CancellationToken ct = default);

    /// <summary>Queues a message, invisible for <paramref name="visibilityDelay"/>, living for <paramref name="timeToLive"/>.</summary>
    Task<QueueReceipt> SendAsync(string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken ct = default);

    /// <summary>Takes up to <paramref name="maxMessages"/> visible messages, hiding them for <paramref name="visibilityTimeout"/>.</summary>
    Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken ct = default);

    Task DeleteAsync(string messageId, string popReceipt, CancellationToken ct = default);

    /// <summary>Hides (or shows) a received message again; returns the new pop receipt.</summary>
    Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken ct = default);
}

public sealed record QueueReceipt(string MessageId, string PopReceipt, DateTimeOffset? NextVisible);

public sealed record QueueMessage(string MessageId, string PopReceipt, string Text, int DequeueCount,
    DateTimeOffset? InsertedOn, DateTimeOffset? ExpiresOn);

namespace Maca.Functions.Email;

/// <summary>Delivers one email, or throws <see cref="EmailDeliveryException"/> saying whether a retry can help.</summary>
public interface IEmailSender
{
    string Transport { get; }
    Task<EmailReceipt> SendAsync(EmailMessage message, CancellationToken ct = default);

    /// <summary>A cheap check that the transport is reachable, for /api/health. Returns "ok" or an error text.</summary>
    Task<string> CheckAsync(CancellationToken ct = default);
}

/// <summary>Delivery failed. <see cref="Permanent"/> means the same message will never go; otherwise retry later.</summary>
public class EmailDeliveryException(string message, bool permanent, int? status = null, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
    public int? Status { get; } = status;

    /// <summary>When the provider said how long to wait (rate limit) and that was longer than we wait inline.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

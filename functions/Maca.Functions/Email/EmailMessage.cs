namespace Maca.Functions.Email;

/// <summary>
/// One email as the outbox hands it over. <see cref="OutboxId"/> travels with the message
/// (Message-ID header, SendGrid custom_args) so a duplicate delivery can be recognised.
/// </summary>
public sealed record EmailMessage(
    string OutboxId,
    IReadOnlyList<string> To,
    string Subject,
    string TextBody,
    string? HtmlBody = null,
    IReadOnlyList<string>? Cc = null,
    string? ReplyTo = null,
    CalendarAttachment? Calendar = null,
    IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>An iCalendar invitation or cancellation, sent as text/calendar with its METHOD.</summary>
public sealed record CalendarAttachment(string Content, string Method = "REQUEST", string FileName = "invite.ics")
{
    public string ContentType => $"text/calendar; method={Method}; charset=utf-8";
}

/// <summary>What the transport said: its own message id where it gives one.</summary>
public sealed record EmailReceipt(string Transport, string? ProviderMessageId);

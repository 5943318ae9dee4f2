using System.Text;
using System.Text.Json.Serialization;

namespace Maca.Functions.Email;

/// <summary>The body of SendGrid's v3 POST /v3/mail/send.</summary>
internal sealed record SendGridPayload(
    [property: JsonPropertyName("personalizations")] IReadOnlyList<SendGridPersonalization> Personalizations,
    [property: JsonPropertyName("from")] SendGridAddress From,
    [property: JsonPropertyName("reply_to")] SendGridAddress? ReplyTo,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("content")] IReadOnlyList<SendGridContent> Content,
    [property: JsonPropertyName("attachments")] IReadOnlyList<SendGridAttachment>? Attachments,
    [property: JsonPropertyName("custom_args")] IReadOnlyDictionary<string, string> CustomArgs,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string>? Headers)
{
    public const string OutboxIdArg = "outbox_id";

    public static SendGridPayload Create(EmailMessage message, string fromAddress, string fromName)
    {
        var content = new List<SendGridContent> { new("text/plain", message.TextBody) }; // text/plain must come first
        if (message.HtmlBody is not null) content.Add(new("text/html", message.HtmlBody));
        var attachments = message.Calendar is { } c
            ? new[] { new SendGridAttachment(Convert.ToBase64String(Encoding.UTF8.GetBytes(c.Content)), c.ContentType, c.FileName, "attachment") }
            : null;
        return new SendGridPayload(
            [new SendGridPersonalization(
                message.To.Select(a => new SendGridAddress(a)).ToList(),
                message.Cc is { Count: > 0 } cc ? cc.Select(a => new SendGridAddress(a)).ToList() : null)],
            new SendGridAddress(fromAddress, fromName),
            message.ReplyTo is null ? null : new SendGridAddress(message.ReplyTo),
            message.Subject,
            content,
            attachments,
            new Dictionary<string, string> { [OutboxIdArg] = message.OutboxId },
            message.Headers is { Count: > 0 } headers ? headers : null);
    }
}

internal sealed record SendGridPersonalization(
    [property: JsonPropertyName("to")] IReadOnlyList<SendGridAddress> To,
    [property: JsonPropertyName("cc")] IReadOnlyList<SendGridAddress>? Cc);

internal sealed record SendGridAddress(
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("name")] string? Name = null);

internal sealed record SendGridContent(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value);

internal sealed record SendGridAttachment(
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("filename")] string FileName,
    [property: JsonPropertyName("disposition")] string Disposition);

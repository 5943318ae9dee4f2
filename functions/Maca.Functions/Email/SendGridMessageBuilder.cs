using System.Text;
using SendGrid.Helpers.Mail;

namespace Maca.Functions.Email;

/// <summary>Our email as the SendGrid SDK's message. The outbox id travels as the top-level custom_args.outbox_id.</summary>
internal static class SendGridMessageBuilder
{
    public const string OutboxIdArg = "outbox_id";

    public static SendGridMessage Build(EmailMessage message, string fromAddress, string fromName)
    {
        var mail = new SendGridMessage { Subject = message.Subject };
        mail.SetFrom(new EmailAddress(fromAddress, fromName));
        mail.AddTos(message.To.Select(a => new EmailAddress(a)).ToList());
        if (message.Cc is { Count: > 0 } cc) mail.AddCcs(cc.Select(a => new EmailAddress(a)).ToList());
        if (message.ReplyTo is not null) mail.SetReplyTo(new EmailAddress(message.ReplyTo));
        mail.AddContent("text/plain", message.TextBody); // text/plain must come first
        if (message.HtmlBody is not null) mail.AddContent("text/html", message.HtmlBody);
        if (message.Calendar is { } c)
            mail.AddAttachment(c.FileName, Convert.ToBase64String(Encoding.UTF8.GetBytes(c.Content)), c.ContentType, "attachment");
        mail.AddGlobalCustomArg(OutboxIdArg, message.OutboxId);
        if (message.Headers is { Count: > 0 } headers) mail.AddGlobalHeaders(headers.ToDictionary());
        return mail;
    }
}

using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Maca.Functions.Email;

/// <summary>SMTP delivery through MailKit: maildev locally, or any relay. The Message-ID carries the outbox id.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public const string OutboxIdHeader = "X-Maca-Outbox-Id";
    private readonly EmailOptions _options = options.Value;
    private EmailOptions.SmtpSettings Smtp => _options.Smtp;

    public string Transport => "smtp";

    public async Task<EmailReceipt> SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var mime = ToMimeMessage(message);
        using var client = new SmtpClient();
        try
        {
            await ConnectAsync(client, ct);
            await client.SendAsync(mime, ct);
            await client.DisconnectAsync(quit: true, ct);
            return new EmailReceipt(Transport, $"<{mime.MessageId}>");
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted
            && (int)ex.StatusCode >= 500)
        {
            throw new EmailDeliveryException($"The SMTP server refused {ex.Mailbox?.Address ?? "an address"}: {(int)ex.StatusCode} {ex.Message}",
                permanent: true, inner: ex);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or SocketException or IOException
            or ServiceNotConnectedException or SslHandshakeException or AuthenticationException)
        {
            throw new EmailDeliveryException($"SMTP delivery failed: {ex.Message}", permanent: false, inner: ex);
        }
    }

    public async Task<string> CheckAsync(CancellationToken ct = default)
    {
        using var client = new SmtpClient { Timeout = 3000 };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            await ConnectAsync(client, timeout.Token);
            await client.NoOpAsync(timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            return "ok";
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or IOException or SmtpProtocolException
            or SmtpCommandException or SslHandshakeException or AuthenticationException)
        {
            return $"cannot reach SMTP server {Smtp.Host}:{Smtp.Port}: {ex.Message}";
        }
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken ct)
    {
        var security = Smtp.EnableSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        await client.ConnectAsync(Smtp.Host, Smtp.Port, security, ct);
        if (Smtp.UserName is { Length: > 0 } user) await client.AuthenticateAsync(user, Smtp.Password ?? "", ct);
    }

    private MimeMessage ToMimeMessage(EmailMessage message)
    {
        var mime = new MimeMessage { Subject = message.Subject, MessageId = MessageId(message) };
        mime.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
        mime.To.AddRange(message.To.Select(MailboxAddress.Parse));
        mime.Cc.AddRange((message.Cc ?? []).Select(MailboxAddress.Parse));
        if (message.ReplyTo is not null) mime.ReplyTo.Add(MailboxAddress.Parse(message.ReplyTo));
        mime.Headers.Add(OutboxIdHeader, message.OutboxId);
        foreach (var (name, value) in message.Headers ?? new Dictionary<string, string>()) mime.Headers.Add(name, value);

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        if (message.Calendar is { } calendar)
        {
            var invite = new MimePart("text", "calendar")
            {
                Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(calendar.Content))),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = calendar.FileName },
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = calendar.FileName,
            };
            // Calendar clients act on the METHOD parameter of the part itself.
            invite.ContentType.Parameters.Add("method", calendar.Method);
            invite.ContentType.Charset = "utf-8";
            body.Attachments.Add(invite);
        }
        mime.Body = body.ToMessageBody();
        return mime;
    }

    private string MessageId(EmailMessage message) => $"{message.OutboxId}@{_options.FromAddress.Split('@').Last()}";
}

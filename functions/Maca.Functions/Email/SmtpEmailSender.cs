using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Email;

/// <summary>Plain SMTP delivery: maildev locally, or any relay.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    private readonly EmailOptions _options = options.Value;

    public string Transport => "smtp";

    public async Task<EmailReceipt> SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        using var mail = ToMailMessage(message);
        using var client = new SmtpClient(_options.Smtp.Host, _options.Smtp.Port) { EnableSsl = _options.Smtp.EnableSsl };
        if (_options.Smtp.UserName is { Length: > 0 } user)
            client.Credentials = new NetworkCredential(user, _options.Smtp.Password);
        try
        {
            await client.SendMailAsync(mail, ct);
            return new EmailReceipt(Transport, MessageId(message));
        }
        catch (SmtpFailedRecipientException ex)
        {
            throw new EmailDeliveryException($"The SMTP server refused a recipient: {ex.StatusCode}.", permanent: true, inner: ex);
        }
        catch (SmtpException ex)
        {
            throw new EmailDeliveryException($"SMTP delivery failed: {ex.StatusCode} {ex.Message}", permanent: false, inner: ex);
        }
    }

    public async Task<string> CheckAsync(CancellationToken ct = default)
    {
        try
        {
            using var tcp = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await tcp.ConnectAsync(_options.Smtp.Host, _options.Smtp.Port, timeout.Token);
            var buffer = new byte[512];
            var read = await tcp.GetStream().ReadAsync(buffer, timeout.Token);
            var banner = Encoding.ASCII.GetString(buffer, 0, read);
            await tcp.GetStream().WriteAsync("QUIT\r\n"u8.ToArray(), timeout.Token);
            return banner.StartsWith("220", StringComparison.Ordinal) ? "ok" : $"unexpected SMTP greeting: {banner.Trim()}";
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or IOException)
        {
            return $"cannot reach SMTP server {_options.Smtp.Host}:{_options.Smtp.Port}: {ex.Message}";
        }
    }

    private MailMessage ToMailMessage(EmailMessage message)
    {
        var mail = new MailMessage
        {
            From = new MailAddress(_options.FromAddress, _options.FromName),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            Body = message.TextBody,
            IsBodyHtml = false,
        };
        foreach (var to in message.To) mail.To.Add(to);
        foreach (var cc in message.Cc ?? []) mail.CC.Add(cc);
        if (message.ReplyTo is not null) mail.ReplyToList.Add(message.ReplyTo);
        if (message.HtmlBody is not null)
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html));
        if (message.Calendar is { } calendar)
        {
            var attachment = new Attachment(new MemoryStream(Encoding.UTF8.GetBytes(calendar.Content)), new ContentType(calendar.ContentType));
            attachment.ContentType.Name = calendar.FileName;
            attachment.ContentDisposition!.FileName = calendar.FileName;
            mail.Attachments.Add(attachment);
        }
        mail.Headers.Add("Message-ID", MessageId(message));
        mail.Headers.Add("X-Maca-Outbox-Id", message.OutboxId);
        foreach (var (name, value) in message.Headers ?? new Dictionary<string, string>()) mail.Headers.Add(name, value);
        return mail;
    }

    private string MessageId(EmailMessage message)
    {
        var domain = _options.FromAddress.Split('@').Last();
        return $"<{message.OutboxId}@{domain}>";
    }
}

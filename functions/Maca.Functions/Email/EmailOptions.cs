namespace Maca.Functions.Email;

public enum EmailTransport { Smtp, SendGrid }

/// <summary>Bound from the "Email" section. Local runs default to SMTP into maildev.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailTransport Transport { get; set; } = EmailTransport.Smtp;
    public string FromAddress { get; set; } = "";
    public string FromName { get; set; } = "Maca";
    public SmtpSettings Smtp { get; set; } = new();
    public SendGridSettings SendGrid { get; set; } = new();

    public sealed class SmtpSettings
    {
        public string Host { get; set; } = "127.0.0.1";
        public int Port { get; set; } = 1025;
        public bool EnableSsl { get; set; }
        public string? UserName { get; set; }
        public string? Password { get; set; }
    }

    public sealed class SendGridSettings
    {
        public Uri BaseUrl { get; set; } = new("https://api.sendgrid.com");
        public string ApiKey { get; set; } = "";
        public int MaxAttempts { get; set; } = 4;
        public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>The longest wait we sit through inline for a rate limit; beyond it the outbox retries later.</summary>
        public TimeSpan MaxInlineWait { get; set; } = TimeSpan.FromSeconds(30);
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
    }
}

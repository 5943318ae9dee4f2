using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Email;

/// <summary>Fails start-up with a message naming the missing or bad setting.</summary>
internal sealed class EmailOptionsValidation : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        if (!MailAddress.TryCreate(options.FromAddress, out _))
            failures.Add("Email:FromAddress must be a valid email address.");
        if (options.Transport == EmailTransport.Smtp && string.IsNullOrWhiteSpace(options.Smtp.Host))
            failures.Add("Email:Smtp:Host is required when Email:Transport is Smtp.");
        if (options.Transport == EmailTransport.Smtp && options.Smtp.Port is < 1 or > 65535)
            failures.Add("Email:Smtp:Port must be between 1 and 65535.");
        if (options.Transport == EmailTransport.SendGrid && string.IsNullOrWhiteSpace(options.SendGrid.ApiKey))
            failures.Add("Email:SendGrid:ApiKey is required when Email:Transport is SendGrid.");
        if (options.SendGrid.MaxAttempts < 1)
            failures.Add("Email:SendGrid:MaxAttempts must be at least 1.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

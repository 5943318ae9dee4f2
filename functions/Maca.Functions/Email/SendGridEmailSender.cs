using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SendGrid;

namespace Maca.Functions.Email;

/// <summary>
/// SendGrid's v3 mail API through the official client, pointed at Email:SendGrid:BaseUrl. 202 keeps X-Message-ID.
/// The client retries nothing when handed our own HttpClient, so this loop does: 429 waits for the rate-limit reset,
/// 5xx and timeouts back off, and other 4xx are permanent and carry SendGrid's own error text.
/// </summary>
public sealed class SendGridEmailSender(HttpClient http, IOptions<EmailOptions> options, TimeProvider clock) : IEmailSender
{
    private readonly EmailOptions _options = options.Value;
    private EmailOptions.SendGridSettings Settings => _options.SendGrid;
    private readonly SendGridClient _client = new(http, new SendGridClientOptions
    {
        ApiKey = options.Value.SendGrid.ApiKey,
        Host = options.Value.SendGrid.BaseUrl.ToString().TrimEnd('/'),
    });

    public string Transport => "sendgrid";

    public async Task<EmailReceipt> SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var mail = SendGridMessageBuilder.Build(message, _options.FromAddress, _options.FromName);
        for (var attempt = 1; ; attempt++)
        {
            var last = attempt >= Settings.MaxAttempts;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Settings.RequestTimeout);
            Response response;
            try
            {
                response = await _client.SendEmailAsync(mail, timeout.Token);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException)
            {
                if (last) throw new EmailDeliveryException($"SendGrid could not be reached after {attempt} attempts: {ex.Message}", permanent: false, inner: ex);
                await Task.Delay(Backoff(attempt), clock, ct);
                continue;
            }

            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Accepted)
                return new EmailReceipt(Transport, response.Headers.TryGetValues("X-Message-ID", out var ids) ? ids.First() : null);
            if (status == 429)
            {
                var wait = RateLimitWait(response);
                if (last || wait > Settings.MaxInlineWait)
                    throw new EmailDeliveryException($"SendGrid rate limit reached; retry after {wait.TotalSeconds:0} s.", permanent: false, status, wait);
                await Task.Delay(wait, clock, ct);
                continue;
            }
            if (status >= 500)
            {
                if (last) throw new EmailDeliveryException($"SendGrid answered {status} after {attempt} attempts.", permanent: false, status);
                await Task.Delay(Backoff(attempt), clock, ct);
                continue;
            }
            var detail = await ErrorTextAsync(response, ct);
            throw new EmailDeliveryException($"SendGrid refused the message ({status}): {detail}", permanent: true, status);
        }
    }

    public Task<string> CheckAsync(CancellationToken ct = default) =>
        Task.FromResult(string.IsNullOrWhiteSpace(Settings.ApiKey) ? "no SendGrid API key configured" : "ok");

    private TimeSpan Backoff(int attempt) => Settings.RetryDelay * Math.Pow(2, attempt - 1);

    /// <summary>X-RateLimit-Reset is a Unix time; Retry-After is seconds. Take whichever is given, never less than zero.</summary>
    private TimeSpan RateLimitWait(Response response)
    {
        if (response.Headers.TryGetValues("X-RateLimit-Reset", out var reset)
            && long.TryParse(reset.First(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(epoch) - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return response.Headers.RetryAfter?.Delta ?? Settings.RetryDelay;
    }

    private static async Task<string> ErrorTextAsync(Response response, CancellationToken ct)
    {
        var body = await response.Body.ReadAsStringAsync(ct);
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("errors", out var errors))
                return string.Join("; ", errors.EnumerateArray().Select(e =>
                    (e.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() + ": " : "")
                    + (e.TryGetProperty("message", out var m) ? m.GetString() : "")));
        }
        catch (JsonException) { /* not JSON: fall through to the raw text */ }
        return string.IsNullOrWhiteSpace(body) ? response.StatusCode.ToString() : body;
    }
}

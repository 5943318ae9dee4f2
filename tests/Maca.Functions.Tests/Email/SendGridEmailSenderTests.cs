using System.Text.Json.Nodes;
using Maca.Functions.Email;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Tests.Email;

public sealed class SendGridEmailSenderTests
{
    private static readonly EmailMessage Invitation = new(
        OutboxId: "c-42:outbox:0007",
        To: ["lead@police.example"],
        Subject: "Self harm audit: meeting on Friday 12 December 2026",
        TextBody: "Please join the meeting.",
        HtmlBody: "<p>Please join the meeting.</p>",
        Cc: ["qa@police.example"],
        ReplyTo: "coordinator@partnership.example",
        Calendar: new CalendarAttachment("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"));

    // The request timeout is long unless a test is about timeouts: on a loaded CI machine a local answer can take
    // over a second, and a timeout would hide the status the test is about.
    private static SendGridEmailSender Sender(
        FakeSendGrid server, int maxAttempts = 3, TimeSpan? maxInlineWait = null, TimeSpan? requestTimeout = null) =>
        new(new HttpClient(), Options.Create(new EmailOptions
        {
            Transport = EmailTransport.SendGrid,
            FromAddress = "maca@partnership.example",
            FromName = "Maca",
            SendGrid = new()
            {
                BaseUrl = server.BaseUrl, ApiKey = "SG.test-key", MaxAttempts = maxAttempts,
                RetryDelay = TimeSpan.FromMilliseconds(10), MaxInlineWait = maxInlineWait ?? TimeSpan.FromSeconds(30),
                RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30),
            },
        }), TimeProvider.System);

    [Fact]
    public async Task AnAcceptedMessageKeepsSendGridsMessageIdAndSendsTheExactBody()
    {
        await using var server = await FakeSendGrid.StartAsync(FakeSendGrid.Accepted("sg-msg-1"));

        var receipt = await Sender(server).SendAsync(Invitation);

        Assert.Equal(new EmailReceipt("sendgrid", "sg-msg-1"), receipt);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v3/mail/send", request.Path);
        Assert.Equal("Bearer SG.test-key", request.Authorization);
        var expected = JsonNode.Parse("""
        {
          "personalizations": [{ "to": [{ "email": "lead@police.example" }], "cc": [{ "email": "qa@police.example" }] }],
          "from": { "email": "maca@partnership.example", "name": "Maca" },
          "reply_to": { "email": "coordinator@partnership.example" },
          "subject": "Self harm audit: meeting on Friday 12 December 2026",
          "content": [
            { "type": "text/plain", "value": "Please join the meeting." },
            { "type": "text/html", "value": "<p>Please join the meeting.</p>" }
          ],
          "attachments": [{
            "content": "QkVHSU46VkNBTEVOREFSDQpNRVRIT0Q6UkVRVUVTVA0KRU5EOlZDQUxFTkRBUg0K",
            "type": "text/calendar; method=REQUEST; charset=utf-8",
            "filename": "invite.ics",
            "disposition": "attachment"
          }],
          "custom_args": { "outbox_id": "c-42:outbox:0007" }
        }
        """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Body)), request.Body);
    }

    [Theory]
    [InlineData(400, "The from address does not match a verified Sender Identity.")]
    [InlineData(401, "The provided authorization grant is invalid, expired, or revoked")]
    [InlineData(403, "access forbidden")]
    [InlineData(413, "The JSON payload you have included in your request is too large.")]
    public async Task ClientErrorsArePermanentAndCarrySendGridsText(int status, string text)
    {
        await using var server = await FakeSendGrid.StartAsync(FakeSendGrid.Error(status, text, "from.email"));

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(server).SendAsync(Invitation));

        Assert.True(error.Permanent);
        Assert.Equal(status, error.Status);
        Assert.Contains(text, error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ARateLimitWaitsForTheResetThenSends()
    {
        await using var server = await FakeSendGrid.StartAsync(
            FakeSendGrid.RateLimited(DateTimeOffset.UtcNow.AddSeconds(1)), FakeSendGrid.Accepted("after-limit"));

        var receipt = await Sender(server).SendAsync(Invitation);

        Assert.Equal("after-limit", receipt.ProviderMessageId);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ARateLimitResettingLaterThanWeWaitInlineIsHandedBackWithItsDelay()
    {
        var reset = DateTimeOffset.UtcNow.AddHours(1);
        await using var server = await FakeSendGrid.StartAsync(FakeSendGrid.RateLimited(reset));

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(server).SendAsync(Invitation));

        Assert.False(error.Permanent);
        Assert.Equal(429, error.Status);
        Assert.InRange(error.RetryAfter!.Value, TimeSpan.FromMinutes(58), TimeSpan.FromMinutes(61));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ServerErrorsAreRetriedWithBackoffUntilAccepted()
    {
        await using var server = await FakeSendGrid.StartAsync(
            FakeSendGrid.ServerError(503), FakeSendGrid.ServerError(500), FakeSendGrid.Accepted("third-time"));

        var receipt = await Sender(server).SendAsync(Invitation);

        Assert.Equal("third-time", receipt.ProviderMessageId);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task PersistentServerErrorsEndAsATransientFailureAfterTheLastAttempt()
    {
        await using var server = await FakeSendGrid.StartAsync(FakeSendGrid.ServerError(503));

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(server, maxAttempts: 3).SendAsync(Invitation));

        Assert.False(error.Permanent);
        Assert.Equal(503, error.Status);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task ATimedOutRequestIsRetried()
    {
        await using var server = await FakeSendGrid.StartAsync(FakeSendGrid.Hang(), FakeSendGrid.Accepted("after-timeout"));

        var receipt = await Sender(server, requestTimeout: TimeSpan.FromSeconds(1)).SendAsync(Invitation);

        Assert.Equal("after-timeout", receipt.ProviderMessageId);
        Assert.Equal(2, server.Requests.Count);
    }
}

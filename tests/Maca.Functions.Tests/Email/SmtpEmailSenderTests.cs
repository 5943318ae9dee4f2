using System.Text.Json;
using Maca.Functions.Email;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Tests.Email;

[Collection(MaildevCollection.Name)]
public sealed class SmtpEmailSenderTests(MaildevFixture maildev)
{
    private SmtpEmailSender Sender(int? port = null) => new(Options.Create(new EmailOptions
    {
        FromAddress = "maca@partnership.example",
        FromName = "Maca audit coordinator",
        Smtp = new() { Host = "127.0.0.1", Port = port ?? maildev.SmtpPort },
    }));

    private static string[] Addresses(JsonElement email, string field) =>
        email.TryGetProperty(field, out var list) ? list.EnumerateArray().Select(a => a.GetProperty("address").GetString()!).ToArray() : [];

    [Fact]
    public async Task AnInvitationArrivesWithRecipientsBodiesAndTheCalendarAttachment()
    {
        var subject = $"Neglect audit: meeting booked ({Guid.NewGuid():N})";
        const string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:maca-test@partnership.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        var message = new EmailMessage("cycle-7:outbox:0003", ["lead@csc.example", "deputy@csc.example"], subject,
            "Text body: please attend.", "<p>HTML body: please attend.</p>", ["qa@csc.example"],
            "coordinator@partnership.example", new CalendarAttachment(ics));

        var receipt = await Sender().SendAsync(message);
        var email = await maildev.WaitForSubjectAsync(subject);

        Assert.Equal("smtp", receipt.Transport);
        Assert.Equal(["lead@csc.example", "deputy@csc.example"], Addresses(email, "to"));
        Assert.Equal(["qa@csc.example"], Addresses(email, "cc"));
        Assert.Equal(["coordinator@partnership.example"], Addresses(email, "replyTo"));
        Assert.Equal("maca@partnership.example", Addresses(email, "from").Single());
        Assert.Contains("Text body: please attend.", email.GetProperty("text").GetString());
        Assert.Contains("<p>HTML body: please attend.</p>", email.GetProperty("html").GetString());
        Assert.Equal("<cycle-7:outbox:0003@partnership.example>", email.GetProperty("headers").GetProperty("message-id").GetString());
        Assert.Equal("cycle-7:outbox:0003", email.GetProperty("headers").GetProperty("x-maca-outbox-id").GetString());

        var attachment = Assert.Single(email.GetProperty("attachments").EnumerateArray());
        Assert.StartsWith("text/calendar", attachment.GetProperty("contentType").GetString());
        var source = await maildev.SourceAsync(email.GetProperty("id").GetString()!);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(source, @"Content-Type: text/calendar;[^\r\n]*method=REQUEST"), source);
        var content = await maildev.AttachmentAsync(email.GetProperty("id").GetString()!, attachment.GetProperty("generatedFileName").GetString()!);
        Assert.Equal(ics, content);
    }

    [Fact]
    public async Task APlainTextReminderHasNoAttachment()
    {
        var subject = $"Reminder: submissions due ({Guid.NewGuid():N})";
        await Sender().SendAsync(new EmailMessage("cycle-8:outbox:0001", ["lead@health.example"], subject, "Due Friday."));
        var email = await maildev.WaitForSubjectAsync(subject);
        Assert.Contains("Due Friday.", email.GetProperty("text").GetString());
        Assert.Equal(0, email.TryGetProperty("attachments", out var a) && a.ValueKind == JsonValueKind.Array ? a.GetArrayLength() : 0);
    }

    [Fact]
    public async Task TheHealthCheckSaysOkWhenMaildevAnswersAndNamesTheServerWhenItDoesNot()
    {
        Assert.Equal("ok", await Sender().CheckAsync());
        var closedPort = FreePort.Next();
        Assert.Contains($"127.0.0.1:{closedPort}", await Sender(closedPort).CheckAsync());
    }

    [Fact]
    public async Task AnUnreachableServerIsATransientFailure()
    {
        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            Sender(FreePort.Next()).SendAsync(new EmailMessage("x", ["a@b.example"], "s", "t")));
        Assert.False(error.Permanent);
    }
}

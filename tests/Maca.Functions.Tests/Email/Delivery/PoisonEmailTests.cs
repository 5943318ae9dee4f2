using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Maca.Functions.Cycles;
using Maca.Functions.Storage;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Maca.Functions.Tests.Cycles.CycleScript;

namespace Maca.Functions.Tests.Email.Delivery;

/// <summary>An email that cannot go never holds up the rest: it fails where the coordinator sees it, and can be sent again.</summary>
[Collection(AppCollection.Name)]
public sealed class PoisonEmailTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private static readonly string[] Agencies = ["CSC", "POL"];

    private static Task<string> StartAsync(CycleClient api, string partnership) =>
        api.StartAsync(new { partnershipId = partnership, theme = "Neglect", auditType = "Desktop", agencyCodes = Agencies, targetCases = 2 });

    [Fact]
    public async Task ARefusedEmailShowsAsFailedWithItsReasonAndACoordinatorsRetrySendsIt()
    {
        // SendGrid refuses the first message for good, then accepts everything.
        await using var sendGrid = await FakeSendGrid.StartAsync(FakeSendGrid.Error(400, "The to address is not valid."), FakeSendGrid.Accepted("ok-id"));
        await using var app = new MacaAppFactory(azurite, maildev, new Dictionary<string, string?>
        {
            ["Email:Transport"] = "SendGrid", ["Email:SendGrid:BaseUrl"] = sendGrid.BaseUrl.ToString(), ["Email:SendGrid:ApiKey"] = "SG.test",
        });
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("poison", Agencies, "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await StartAsync(api, "poison");
        await api.DrainOutboxAsync(id);

        var failed = Assert.Single((await api.StatusAsync(id))["failedEmails"]!.AsArray());
        Assert.Contains("The to address is not valid.", failed!["reason"]!.GetValue<string>());
        var outboxId = failed["outboxId"]!.GetValue<string>();

        var retry = await api.SendAsync(HttpMethod.Post, $"/api/cycles/{id}/emails/{outboxId}/retry");
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        await api.DrainOutboxAsync(id);

        Assert.Empty((await api.StatusAsync(id))["failedEmails"]!.AsArray());
        var history = (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray();
        var resent = history.Single(e => e!["data"]?["outboxId"]?.GetValue<string>() == outboxId)!;
        Assert.Equal("EmailSent", resent["eventType"]!.GetValue<string>());
        Assert.Equal($"coordinator:{TestAccess.CoordinatorEmail}", resent["data"]!["retriedBy"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await api.SendAsync(HttpMethod.Post, $"/api/cycles/{id}/emails/{outboxId}/retry")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.SendAsync(HttpMethod.Post, $"/api/cycles/{id}/emails/nosuch/retry")).StatusCode);
    }

    [Fact]
    public async Task AnEmailThatCannotBeBuiltFailsAloneAndTheOtherCyclesStillGetTheirs()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("broken", Agencies, "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var broken = await StartAsync(api, "broken");
        await api.DrainOutboxAsync(broken);

        // Damage one email past repair, as a bad deploy or a bad row might, and have it sent again.
        var table = app.Services.GetRequiredService<StorageAccount>().Table(CycleTable.Name);
        var row = await table.QueryAsync<TableEntity>(CycleTable.RowsStartingWith(broken, CycleTable.EmailPrefix)).FirstAsync();
        row["Email_0"] = "{ this is not an email";
        row["Status"] = "Failed";
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        var outboxId = row.GetString("OutboxId");
        var retry = await api.SendAsync(HttpMethod.Post, $"/api/cycles/{broken}/emails/{outboxId}/retry");
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var healthy = await StartAsync(api, "broken");

        await api.DrainOutboxAsync(broken);
        var failed = Assert.Single((await api.StatusAsync(broken))["failedEmails"]!.AsArray());
        Assert.Contains("could not be built", failed!["reason"]!.GetValue<string>());
        await api.DrainOutboxAsync(healthy);
        Assert.Equal(Agencies.Length, (await maildev.ForCycleAsync(healthy)).Count);
        Assert.Equal(Agencies.Length, (await maildev.ForCycleAsync(broken)).Count); // the first sends, none again
    }
}

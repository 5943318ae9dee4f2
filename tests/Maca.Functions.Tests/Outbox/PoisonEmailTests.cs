using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Maca.Functions.Cycles;
using Maca.Functions.Storage;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Maca.Functions.Tests.Cycles.CycleScript;

namespace Maca.Functions.Tests.Outbox;

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
    public async Task AnEmailThatCannotBeBuiltFailsAloneAndTheSweepStillServesOtherCycles()
    {
        await using var app = new MacaAppFactory(azurite, maildev, new Dictionary<string, string?> { ["Sweep:SendImmediately"] = "false" });
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("broken", Agencies, "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var broken = await StartAsync(api, "broken");
        var healthy = await StartAsync(api, "broken");

        // Damage one queued email of the first cycle past repair, as a bad deploy or a bad row might.
        var table = app.Services.GetRequiredService<StorageAccount>().Table(CycleTable.Name);
        var row = await table.QueryAsync<TableEntity>(CycleTable.RowsStartingWith(broken, CycleTable.OutboxPrefix)).FirstAsync();
        row["Email_0"] = "{ this is not an email";
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        await api.SweepAsync();

        var brokenStatus = await api.StatusAsync(broken);
        var failed = Assert.Single(brokenStatus["failedEmails"]!.AsArray());
        Assert.Contains("could not be built", failed!["reason"]!.GetValue<string>());
        await api.DrainOutboxAsync(healthy);
        Assert.Equal(Agencies.Length, (await maildev.ForCycleAsync(healthy)).Count);
        Assert.Equal(Agencies.Length - 1, (await maildev.ForCycleAsync(broken)).Count);
    }
}

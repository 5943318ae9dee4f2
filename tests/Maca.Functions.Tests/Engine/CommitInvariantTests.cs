using Maca.Functions.Cycles;
using Azure.Data.Tables;
using Maca.Functions.Storage;
using Maca.Functions.Tests.Infrastructure;
using Maca.Orchestrations.Cycles;
using Microsoft.Extensions.DependencyInjection;
using static Maca.Functions.Tests.Cycles.CycleScript;

namespace Maca.Functions.Tests.Engine;

/// <summary>Invariants 1 and 2: a command commits wholly or not at all; concurrent writers lose nothing and double nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class CommitInvariantTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private static NominateCase Nomination(string agency, string caseRef) =>
        new(agency, caseRef, "11 to 15", "Female", "White", false, [agency], "Repeated presentations");

    private async Task<(MacaAppFactory App, CycleEngine Engine, CycleStore Store, string Id)> StartAsync(string[] agencies)
    {
        var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("inv", agencies, "Self harm");
        await api.AdvanceToAsync(Uk(2029, 11, 5, 10));
        var id = await api.StartAsync(new { partnershipId = "inv", theme = "Self harm", auditType = "InDepth", agencyCodes = agencies, targetCases = 20 });
        return (app, app.Services.GetRequiredService<CycleEngine>(), app.Services.GetRequiredService<CycleStore>(), id);
    }

    [Fact]
    public async Task ACommandWhoseTransactionFailsLeavesNoEventSnapshotOrEmailBehind()
    {
        var (app, engine, store, id) = await StartAsync(["CSC", "POL"]);
        await using var _ = app;
        await engine.ExecuteAsync(id, Nomination("CSC", "ATOM-1"));
        await engine.ExecuteAsync(id, new CloseNominations());
        var before = await store.LoadAsync(id, default);
        var eventsBefore = await EventRowsAsync(app, id);
        // Occupy the row the next command's first event would take, so its transaction must fail as a whole.
        await RawTable(app).AddEntityAsync(new TableEntity(id, CycleTable.EventRow(before.State.Version + 1)) { ["Note"] = "squatter" });

        var selection = new SelectCases([new("ATOM-1", ["CSC", "POL"])]); // would queue two submission requests
        await Assert.ThrowsAsync<CycleContentionException>(() => engine.ExecuteAsync(id, selection));

        var after = await store.LoadAsync(id, default);
        Assert.Equal(before.State.Version, after.State.Version);
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(CyclePhase.Selecting, after.State.Phase);
        Assert.Equal(eventsBefore, await EventRowsAsync(app, id) - 1); // only the squatter was added
        Assert.DoesNotContain(await RawTable(app).QueryAsync<TableEntity>(CycleTable.RowsStartingWith(id, CycleTable.OutboxPrefix)).ToListAsync(),
            row => row.GetString("Kind") == "SubmissionRequest");
    }

    /// <summary>The cycle table as another writer sees it, past the app's own stores.</summary>
    private static TableClient RawTable(MacaAppFactory app) => app.Services.GetRequiredService<StorageAccount>().Table(CycleTable.Name);

    private static Task<int> EventRowsAsync(MacaAppFactory app, string id) =>
        RawTable(app).QueryAsync<TableEntity>(CycleTable.RowsStartingWith(id, CycleTable.EventPrefix)).CountAsync().AsTask();

    [Fact]
    public async Task TwentyConcurrentWritersAreAllAppliedExactlyOnceInOneOrder()
    {
        string[] agencies = ["CSC", "POL", "ACUTE", "CHS"];
        var (app, engine, store, id) = await StartAsync(agencies);
        await using var _ = app;
        var startVersion = (await store.LoadAsync(id, default)).State.Version;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => engine.ExecuteAsync(id, Nomination(agencies[i % 4], $"RACE-{i:D2}")))));

        Assert.All(results, r => Assert.True(r.Accepted));
        var state = (await store.LoadAsync(id, default)).State;
        Assert.Equal(20, state.Nominations.Count);
        Assert.Equal(startVersion + 20, state.Version);
        var history = await store.HistoryAsync(id, default);
        Assert.Equal(Enumerable.Range(1, state.Version), history.Select(e => e.Version));
        Assert.Equal(20, history.Count(e => e.Type == nameof(CaseNominated)));
    }

    [Fact]
    public async Task RetriesOfOneRequestRacingEachOtherApplyItOnce()
    {
        var (app, engine, store, id) = await StartAsync(["CSC", "POL"]);
        await using var _ = app;

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => engine.ExecuteAsync(id, Nomination("CSC", "ONCE-1"), idempotencyKey: "client-request-7"))));

        Assert.All(results, r => Assert.True(r.Accepted));
        Assert.Single(await store.HistoryAsync(id, default), e => e.Type == nameof(CaseNominated));
        Assert.Contains(results, r => r.Replayed || r.EventTypes.Count == 0);
    }
}

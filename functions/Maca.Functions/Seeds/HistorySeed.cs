using System.Security.Cryptography;
using System.Text.Json;
using Maca.Functions.Cycles;
using Maca.Functions.Directory;
using Maca.Functions.Documents;
using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Seeds;

/// <summary>
/// Loads seeds/demo-history.json: finished audits from the past two years, so a new user's first ./maca run shows
/// recurring learning and an annual report worth reading. Each audit is played through the real decider at the day
/// each step happened and committed as history. Nothing of the past is sent: no outbox rows, no links, no wake-ups.
/// </summary>
public sealed partial class HistorySeed(DirectoryStore directory, CycleStore store, CycleDecider decider, DocumentStore documents,
    CyclePurger purger, IHostEnvironment env, ILogger<HistorySeed> logger)
{
    public async Task LoadAsync(CancellationToken ct)
    {
        var json = await File.ReadAllTextAsync(SeedFiles.Find("demo-history.json", env), ct);
        var file = JsonSerializer.Deserialize<HistoryFile>(json, CycleJson.Options)!;
        foreach (var cycle in file.Cycles) await LoadCycleAsync(file.PartnershipId, cycle, ct);
    }

    private async Task LoadCycleAsync(string partnershipId, HistoryCycle story, CancellationToken ct)
    {
        var cycleId = StartCycleRequest.NewCycleId(partnershipId, story.Key);
        var loaded = await store.LoadAsync(cycleId, ct);
        if (loaded.State.Phase == CyclePhase.Closed) return; // loaded on an earlier start
        if (loaded.Exists) await purger.PurgeAsync(cycleId, ct); // a load cut short: start that audit again
        var request = new StartCycleRequest(partnershipId, story.Theme, story.AuditType, story.Agencies, story.Cases.Count);
        var (start, problems, _) = await request.ResolveAsync(cycleId, directory, ct);
        if (start is null)
            throw new InvalidDataException($"{story.Key} cannot start: {string.Join("; ", problems.SelectMany(p => p.Value))}");
        var steps = HistoryScript.Steps(story);
        var record = await CommitAsync(CycleRecord.New(cycleId), start, steps[0].At.AddMinutes(-1),
            JsonSerializer.Serialize(request, CycleJson.Options), ct);
        foreach (var step in steps)
        {
            if (step.ChronologyFor is { } agency) record = await AttachChronologyAsync(record, step, agency, ct);
            record = await CommitAsync(record, step.Command, step.At, null, ct);
        }
        if (record.State.Phase != CyclePhase.Closed)
            throw new InvalidDataException($"{story.Key} ended in {record.State.Phase}, not Closed.");
        LogLoaded(story.Theme, cycleId, record.State.Version);
    }

    private async Task<CycleRecord> AttachChronologyAsync(CycleRecord record, HistoryStep step, string agency, CancellationToken ct)
    {
        var caseRef = ((SubmitAuditTool)step.Command).CaseRef;
        var id = HistoryScript.ChronologyId(agency, caseRef);
        var bytes = SeedPdf.Write($"Demo chronology from {agency} for case {caseRef}. Invented for the Maca demo; no real person.");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var name = $"{agency} chronology {caseRef}.pdf";
        await documents.SaveAsync(record.CycleId, id, new MemoryStream(bytes), FileCheck.Pdf, name, sha, ct);
        var attach = new AttachDocument(agency, id, DocumentKind.Chronology, name, sha, bytes.Length);
        return await CommitAsync(record, attach, step.At, null, ct);
    }

    /// <summary>One command decided at its own moment and committed like the engine would, minus the email.</summary>
    private async Task<CycleRecord> CommitAsync(CycleRecord before, CycleCommand command, DateTimeOffset at, string? inputJson,
        CancellationToken ct)
    {
        var decision = decider.Decide(command, before.State, at);
        if (decision.Rejection is { } r)
            throw new InvalidDataException(
                $"Demo history {before.CycleId}: {command.GetType().Name} at {at:yyyy-MM-dd} was refused: {r.Message}");
        if (decision.Events.Count == 0) return before;
        var after = CycleEvolver.Fold(decision.Events, before.State);
        var etag = await store.CommitAsync(before, after, decision.Events, Actors.Of(command), [], inputJson, null, ct);
        return new CycleRecord(before.CycleId, after, etag, inputJson ?? before.InputJson);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the demo history's {Theme} audit {CycleId} ({Events} events)")]
    private partial void LogLoaded(string theme, string cycleId, int events);
}

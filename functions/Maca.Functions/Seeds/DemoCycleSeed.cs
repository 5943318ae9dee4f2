using Maca.Functions.Workflow;
using System.Text.Json;
using System.Text.Json.Nodes;
using Maca.Functions.Cycles;
using Maca.Functions.Directory;

namespace Maca.Functions.Seeds;

/// <summary>
/// Replays seeds/demo-cycle.json through the real engine, so a fresh ./maca run shows a cycle already under way
/// (nominated, selected, awaiting submissions) and its emails in the maildev inbox. Idempotency keys make it run once.
/// </summary>
public sealed partial class DemoCycleSeed(DirectoryStore directory, CycleGateway engine, IHostEnvironment env, ILogger<DemoCycleSeed> logger)
{
    public sealed record Step(string Name, JsonObject Body);
    public sealed record Script(string IdempotencyKey, StartCycleRequest Start, IReadOnlyList<Step> Commands);

    public async Task LoadAsync(CancellationToken ct)
    {
        var script = JsonSerializer.Deserialize<Script>(await File.ReadAllTextAsync(SeedFiles.Find("demo-cycle.json", env), ct), CycleJson.Options)!;
        var cycleId = StartCycleRequest.NewCycleId(script.Start.PartnershipId, script.IdempotencyKey);
        var (start, problems, _) = await script.Start.ResolveAsync(cycleId, directory, ct);
        if (start is null) { LogSkipped(string.Join("; ", problems.SelectMany(p => p.Value))); return; }
        var started = await engine.ExecuteAsync(cycleId, start, script.IdempotencyKey, inputJson: JsonSerializer.Serialize(script.Start, CycleJson.Options), ct: ct);
        if (started.Replayed) return; // loaded on an earlier start
        for (var i = 0; i < script.Commands.Count; i++)
        {
            var step = script.Commands[i];
            var command = CommandCatalog.Read(step.Name, step.Body.ToJsonString()) ?? throw new InvalidDataException($"Unknown demo command {step.Name}.");
            var result = await engine.ExecuteAsync(cycleId, command, $"{script.IdempotencyKey}-{i}", ct: ct);
            if (result.Rejection is { } r) { LogSkipped($"{step.Name}: {r.Message}"); return; }
        }
        LogLoaded(cycleId, script.Commands.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the demo cycle {CycleId} ({Commands} commands)")]
    private partial void LogLoaded(string cycleId, int commands);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo cycle was not loaded: {Reason}")]
    private partial void LogSkipped(string reason);
}

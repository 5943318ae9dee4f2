using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Maca.Functions.Hosting;
using Maca.Functions.Outbox;
using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Cycles;

/// <summary>
/// Runs one command against one cycle: load, decide, make sure the wake-up index will wake it in time,
/// then commit everything in one transaction guarded by the snapshot's ETag. A concurrent writer makes the
/// commit fail; the command is then decided again against the new state, so nothing is lost or applied twice.
/// </summary>
public sealed partial class CycleEngine(CycleStore store, SnapshotCache snapshots, WakeUpIndex wakeUps, CycleDecider decider,
    EmailComposer composer, OutboxKick kick, TimeProvider clock, CrashPoints crash, CommandScreen screen,
    ILogger<CycleEngine> logger)
{
    private const int MaxAttempts = 12;

    /// <param name="actor">
    /// Who the history names, from the signed-in principal; by default the command's own kind (system, seeds, tests).
    /// </param>
    public async Task<CommandResult> ExecuteAsync(string cycleId, CycleCommand command, string? idempotencyKey = null,
        int? expectedVersion = null, string? inputJson = null, string? actor = null, CancellationToken ct = default)
    {
        // Traced and counted by type names only: the command's content never reaches telemetry.
        var name = command.GetType().Name;
        using var span = Telemetry.Source.StartActivity($"command {name}");
        var result = await DecideAndCommitAsync(cycleId, command, idempotencyKey, expectedVersion, inputJson, actor, ct);
        var outcome = result.Rejection is not null ? "refused"
            : result.Replayed ? "replayed"
            : result.EventTypes.Count == 0 ? "unchanged"
            : "accepted";
        span?.SetTag("maca.command", name).SetTag("maca.outcome", outcome).SetTag("maca.events", result.EventTypes.Count);
        Telemetry.Commands.Add(1, new KeyValuePair<string, object?>("command", name),
            new KeyValuePair<string, object?>("outcome", outcome));
        return result;
    }

    private async Task<CommandResult> DecideAndCommitAsync(string cycleId, CycleCommand command, string? idempotencyKey,
        int? expectedVersion, string? inputJson, string? actor, CancellationToken ct)
    {
        var fingerprint = Fingerprint(command, inputJson);
        var cached = snapshots.Get(cycleId);
        for (var attempt = 1; ; attempt++)
        {
            var loading = cached is null ? store.LoadAsync(cycleId, ct) : Task.FromResult(cached);
            var prior = idempotencyKey is null
                ? Task.FromResult<StoredResponse?>(null)
                : store.FindResponseAsync(cycleId, idempotencyKey, ct);
            var cycle = await loading;
            var fromCache = ReferenceEquals(cycle, cached);
            cached = null; // the cache serves the first attempt only
            if (await prior is { } replay) return Replay(cycle, replay, fingerprint);
            if (expectedVersion is { } expected && expected != cycle.State.Version)
            {
                if (fromCache) continue;
                throw new CycleChangedException($"The cycle is at version {cycle.State.Version}, not {expected}. Reload it and try again.");
            }

            if (await screen.RefusalAsync(cycle.State, command, ct) is { } refused)
                return CommandResult.Refused(cycle.State, refused);
            var now = clock.GetUtcNow();
            var decision = decider.Decide(command, cycle.State, now);
            if (fromCache && (decision.IsRejected || decision.Events.Count == 0)) continue; // answer only from a fresh read
            if (decision.Rejection is { } rejection) return CommandResult.Refused(cycle.State, rejection);
            if (decision.Events.Count == 0) return new CommandResult(cycle.State, []);

            var after = CycleEvolver.Fold(decision.Events, cycle.State);
            var outbox = composer.Entries(cycle, after, decision.Events);
            var types = decision.Events.Select(e => e.GetType().Name).ToArray();
            await EnsureWakeUpAsync(cycle.State, after, outbox.Count > 0 || command is ResumeCycle, now, ct);
            crash.Reach(CrashPoints.AfterWakeUpIndex);
            ETag etag;
            try
            {
                var answer = JsonSerializer.Serialize(new FirstAnswer(types, after.Version, after.Phase.ToString()), CycleJson.Options);
                var request = idempotencyKey is null ? ((string, StoredResponse)?)null
                    : (idempotencyKey, new StoredResponse(202, answer, fingerprint));
                etag = await store.CommitAsync(cycle, after, decision.Events, actor ?? Actors.Of(command), outbox, inputJson, request, ct);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
            {
                // Someone else wrote first (or purged the cycle): decide again on what is there now.
                snapshots.Forget(cycleId);
                if (attempt >= MaxAttempts) throw new CycleContentionException(cycleId, attempt, ex);
                LogConflict(cycleId, attempt);
                if (!fromCache) await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), ct);
                continue;
            }
            snapshots.Remember(new CycleRecord(cycleId, after, etag, inputJson ?? cycle.InputJson));
            crash.Reach(command is Tick ? CrashPoints.AfterTimerCommit : CrashPoints.AfterCommit);
            var result = new CommandResult(after, types);
            // A tick's email is sent by the sweep that ticked; everything else is sent at once.
            if (command is not Tick) kick.AfterCommit(cycleId, result);
            return result;
        }
    }

    private static CommandResult Replay(CycleRecord cycle, StoredResponse replay, string fingerprint)
    {
        if (replay.Fingerprint != fingerprint)
            return CommandResult.Refused(cycle.State, Rejection.Rule(
                "This Idempotency-Key was already used for a different request. Use a new key for a new request."));
        var first = JsonSerializer.Deserialize<FirstAnswer>(replay.Body, CycleJson.Options)!;
        return new CommandResult(cycle.State, first.Events, Replayed: true) { Version = first.Version, Phase = first.Phase };
    }

    /// <summary>What identifies a request: the command's name and content (for a start, the coordinator's request).</summary>
    private static string Fingerprint(CycleCommand command, string? inputJson)
    {
        var content = inputJson ?? JsonSerializer.Serialize(command, command.GetType(), CycleJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{command.GetType().Name}\n{content}")))[..32];
    }

    /// <summary>
    /// Before the commit: when the cycle's timing changes, or it has email to send (or is resumed with email waiting),
    /// add a wake-up row guarding the version this command started from. Unchanged timing is already covered.
    /// </summary>
    private async Task EnsureWakeUpAsync(CycleState before, CycleState after, bool wakeNow, DateTimeOffset now, CancellationToken ct)
    {
        DateTimeOffset? due = wakeNow ? Earliest(now, after.NextDueAt) : after.NextDueAt;
        if (due is null || (!wakeNow && before.NextDueAt == after.NextDueAt)) return;
        await wakeUps.EnsureAsync(after.CycleId, due.Value, before.Version, ct);
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other < a ? other : a;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cycle {CycleId} changed under us; deciding again (attempt {Attempt})")]
    private partial void LogConflict(string cycleId, int attempt);
}

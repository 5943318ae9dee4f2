using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Maca.Functions.Cycles;
using Maca.Functions.DevClock;
using Maca.Functions.Hosting;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Maca.Functions.Workflow;

/// <summary>
/// How every page, API call and seed sends a command to a cycle. It screens the command and decides it against the
/// latest recorded state, so a refusal is answered at once with today's words. An accepted command is raised to the
/// cycle's orchestration with a request id and the signed-in actor; the orchestrator decides again (the cycle may
/// have moved), and the answer waits briefly for what it made of the request.
/// </summary>
public sealed class CycleGateway(CycleStore store, CycleDecider decider, CommandScreen screen, DurableTaskClient client,
    OutcomeWait outcomes, FinishedCycleRecorder finished, PendingStarts starts, TimeProvider clock,
    IHttpContextAccessor http)
{
    /// <param name="actor">
    /// Who the history names, from the signed-in principal; by default the command's own kind (system, seeds, tests).
    /// </param>
    public async Task<CommandResult> ExecuteAsync(string cycleId, CycleCommand command, string? idempotencyKey = null,
        int? expectedVersion = null, string? inputJson = null, string? actor = null, CancellationToken ct = default)
    {
        // Traced and counted by type names only: the command's content never reaches telemetry.
        var name = command.GetType().Name;
        using var span = Telemetry.Source.StartActivity($"command {name}");
        var result = await SendAsync(cycleId, command, idempotencyKey, expectedVersion, inputJson, actor, ct);
        var outcome = result.Rejection is not null ? "refused"
            : result.Replayed ? "replayed"
            : result.Pending ? "pending"
            : result.EventTypes.Count == 0 ? "unchanged"
            : "accepted";
        span?.SetTag("maca.command", name).SetTag("maca.outcome", outcome)
            .SetTag("maca.events", result.EventTypes.Count);
        Telemetry.Commands.Add(1, new KeyValuePair<string, object?>("command", name),
            new KeyValuePair<string, object?>("outcome", outcome));
        return result;
    }

    private async Task<CommandResult> SendAsync(string cycleId, CycleCommand command, string? idempotencyKey,
        int? expectedVersion, string? inputJson, string? actor, CancellationToken ct)
    {
        var fingerprint = Fingerprint(command, inputJson);
        var loading = store.LoadAsync(cycleId, ct);
        var prior = idempotencyKey is null
            ? Task.FromResult<StoredResponse?>(null)
            : store.FindResponseAsync(cycleId, idempotencyKey, ct);
        var cycle = await loading;
        if (await prior is { } replay) return Replay(cycle, replay, fingerprint);
        if (!cycle.Exists && await starts.PartnershipAsync(cycleId, ct) is not null)
        {
            // Its start is raised but not yet recorded: decide once it is, rather than answer "no such cycle".
            if (!await StartRecordedAsync(cycleId, ct)) return CommandResult.Refused(cycle.State, StillStarting);
            return await SendAsync(cycleId, command, idempotencyKey, expectedVersion, inputJson, actor, ct);
        }
        if (expectedVersion is { } expected && expected != cycle.State.Version)
            throw new CycleChangedException(
                $"The cycle is at version {cycle.State.Version}, not {expected}. Reload it and try again.");
        if (await screen.RefusalAsync(cycle.State, command, ct) is { } refused)
            return CommandResult.Refused(cycle.State, refused);
        var decision = decider.Decide(command, cycle.State, clock.GetUtcNow());
        if (decision.Rejection is { } rejection) return CommandResult.Refused(cycle.State, rejection);
        if (decision.Events.Count == 0) return new CommandResult(cycle.State, []);
        var who = actor ?? Actors.Of(command);
        // A finished cycle's orchestration has ended: what is still recorded (downloads, retention) is recorded here.
        if (cycle.State.IsFinished) return await finished.RecordAsync(cycleId, command, who, ct);

        var requestId = idempotencyKey is null ? Guid.NewGuid().ToString("N") : KeyedRequestId(idempotencyKey);
        var request = new CycleRequest(requestId, who, command, ShiftableClock.OffsetOf(clock))
        {
            Idempotency = idempotencyKey is null ? null : new IdempotentRequest(idempotencyKey, fingerprint),
            InputJson = inputJson,
        };
        using var watch = outcomes.Watch(requestId);
        await DeliverAsync(cycle, request, ct);
        // A suspended orchestration keeps what it is sent until it is resumed: nothing to wait for until then.
        var waits = !cycle.State.Suspended || command is ResumeCycle or TerminateCycle;
        if (!waits || await watch.OutcomeAsync(cycleId, ct) is not { } settled)
        {
            if (waits) Pages.Shared.CommandsInProgress.Remember(http.HttpContext, cycleId, requestId);
            return CommandResult.InProgress(cycle.State, requestId);
        }
        if (settled.Rejection is { } late) return CommandResult.Refused(settled.State, late);
        if (command is SuspendCycle suspend) await SuspendAsync(cycleId, suspend.Reason, ct);
        if (settled.State.IsFinished) await EndedAsync(cycleId, ct);
        return new CommandResult(settled.State, settled.Events) { RequestId = requestId };
    }

    private static readonly Rejection StillStarting = new(RejectionKind.WrongPhase,
        "This cycle is still being set up. Try again in a moment.");

    /// <summary>Waits up to Durable:CommandWait, in real time, for the cycle's first record.</summary>
    private async Task<bool> StartRecordedAsync(string cycleId, CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!(await store.LoadAsync(cycleId, ct)).Exists)
        {
            if (waited.Elapsed >= outcomes.Patience) return false;
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
        return true;
    }

    /// <summary>
    /// The decision that finishes a cycle is recorded a moment before its orchestration ends: the answer waits for
    /// the end too, so the status asked for next says Completed (or Terminated), not Running.
    /// </summary>
    private async Task EndedAsync(string cycleId, CancellationToken ct)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(TimeSpan.FromSeconds(10));
        try { await client.WaitForInstanceCompletionAsync(cycleId, patience.Token); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
    }

    /// <summary>
    /// The orchestration is suspended too, so none of its timers fires and whatever it is sent waits. The engine
    /// takes the suspension as a message: the answer waits until it has, so the next status read says Suspended.
    /// </summary>
    private async Task SuspendAsync(string cycleId, string reason, CancellationToken ct)
    {
        await client.SuspendInstanceAsync(cycleId, reason, ct);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(10)
               && (await client.GetInstanceAsync(cycleId, ct))?.RuntimeStatus == OrchestrationRuntimeStatus.Running)
            await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
    }

    /// <summary>Starts the cycle's orchestration for its first command; resumes it for a resume or a stop.</summary>
    private async Task DeliverAsync(CycleRecord cycle, CycleRequest request, CancellationToken ct)
    {
        if (!cycle.Exists)
        {
            // The start goes in with the input: raised as an event, the engine could drop it as for no instance.
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(AuditCycleOrchestrator),
                CycleRun.New(cycle.CycleId) with { First = request }, new StartOrchestrationOptions(cycle.CycleId), ct);
            return;
        }
        if (cycle.State.Suspended && request.Command is ResumeCycle or TerminateCycle)
            await client.ResumeInstanceAsync(cycle.CycleId, $"{request.Command.GetType().Name} by {request.Actor}", ct);
        await client.RaiseEventAsync(cycle.CycleId, AuditCycleOrchestrator.CommandEvent, request, ct);
    }

    /// <summary>
    /// A request sent again with its Idempotency-Key is the same request to the orchestrator, which drops it.
    /// </summary>
    private static string KeyedRequestId(string idempotencyKey) => "key-" + CycleTable.KeyHash(idempotencyKey);

    private static CommandResult Replay(CycleRecord cycle, StoredResponse replay, string fingerprint)
    {
        if (replay.Fingerprint != fingerprint)
            return CommandResult.Refused(cycle.State, Rejection.Rule(
                "This Idempotency-Key was already used for a different request. Use a new key for a new request."));
        var first = JsonSerializer.Deserialize<FirstAnswer>(replay.Body, CycleJson.Options)!;
        return new CommandResult(cycle.State, first.Events, Replayed: true)
        {
            Version = first.Version, Phase = first.Phase,
        };
    }

    /// <summary>What identifies a request: the command's name and content (a start's: the coordinator's).</summary>
    private static string Fingerprint(CycleCommand command, string? inputJson)
    {
        var content = inputJson ?? JsonSerializer.Serialize(command, command.GetType(), CycleJson.Options);
        var bytes = Encoding.UTF8.GetBytes($"{command.GetType().Name}\n{content}");
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
    }
}

using Azure;
using Maca.Functions.Access.Links;
using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Cycles;

/// <summary>A cycle as loaded: its state, the snapshot ETag that guards the next commit, and its start request.</summary>
public sealed record CycleRecord(string CycleId, CycleState State, ETag? ETag, string? InputJson)
{
    public bool Exists => ETag is not null;
    public static CycleRecord New(string cycleId) => new(cycleId, CycleState.Initial, null, null);
}

/// <summary>One email ready for the outbox, rendered at commit time from a NotificationQueued event, with the link it carries.</summary>
public sealed record QueuedEmail(string OutboxId, int Version, string Kind, string EmailJson, IssuedLink? Link);

/// <summary>An event as stored, with who caused it.</summary>
public sealed record StoredEvent(int Version, string Type, string Actor, DateTimeOffset At, string DataJson);

/// <summary>
/// The first answer to an idempotent request, replayed for any repeat. <see cref="Fingerprint"/> identifies the
/// command it answered, so the same key sent with a different command is refused instead of answered wrongly.
/// </summary>
public sealed record StoredResponse(int Status, string Body, string Fingerprint);

using Maca.Functions.Workflow;
using Maca.Functions.Cycles;
using Maca.Functions.Directory;
using Maca.Functions.Documents;
using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Retention;

/// <summary>
/// Removes a finished cycle's stored files (chronologies, evidence, summary versions) once the partnership's
/// retention period has run from the day it finished. The cycle's history stays: its findings, themes and action
/// counts are what the recurring-learning view and the annual report read, and they hold no file. Each purge is
/// written to the partnership's audit log and to the cycle's own history. Run from the sweep, once a day per instance.
/// </summary>
public sealed partial class RetentionJob(DirectoryStore directory, CycleStore store, CycleGateway engine, DocumentStore documents,
    PartnershipAuditLog auditLog, TimeProvider clock, ILogger<RetentionJob> logger)
{
    public const string AuditAction = "DocumentsPurged";
    private const string Actor = Actors.Retention;
    private DateOnly? _lastRun;

    /// <summary>Once per day of this instance's clock; a second instance doing the same finds nothing left to do.</summary>
    public async Task<int> RunIfDueAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (_lastRun == today) return 0;
        var purged = await PurgeExpiredAsync(ct);
        _lastRun = today;
        return purged;
    }

    public async Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var retention = (await directory.PartnershipsAsync(ct)).ToDictionary(p => p.Id, p => p.RetentionDays);
        var purged = 0;
        await foreach (var record in store.ListAllAsync(
                           ["(RuntimeStatus eq 'Completed' or RuntimeStatus eq 'Terminated')"], 200, ct))
        {
            var cycle = record.State;
            if (cycle.DocumentsPurgedAt is not null || !retention.TryGetValue(cycle.PartnershipId, out var days)) continue;
            if (cycle.EndedAt is not { } ended || ended.AddDays(days) > now) continue;
            await PurgeAsync(cycle, days, now, ct);
            purged++;
        }
        return purged;
    }

    /// <summary>Files first, then the log, then the history: a run cut short anywhere is finished by the next one.</summary>
    private async Task PurgeAsync(CycleState cycle, int days, DateTimeOffset now, CancellationToken ct)
    {
        var blobs = await documents.DeleteAllAsync(cycle.CycleId, ct);
        var files = cycle.Documents.Count + cycle.SummaryVersions.Count;
        await auditLog.RecordAsync(new PartnershipAuditLog.Entry(cycle.PartnershipId, AuditAction, cycle.CycleId, Actor, now,
            $"{files} stored files of the {cycle.Theme} audit removed {days} days after it finished; " +
            "its findings, themes and action counts are kept."),
            ct, key: $"retention-{cycle.CycleId}");
        var result = await engine.ExecuteAsync(cycle.CycleId, new RecordDocumentsPurged(days), actor: Actor, ct: ct);
        if (result.Rejection is { } refused)
            throw new InvalidOperationException($"The purge of {cycle.CycleId} was not recorded: {refused.Message}");
        LogPurged(cycle.CycleId, files, blobs);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Retention: removed the stored files of cycle {CycleId} ({Files} recorded, {Blobs} blobs)")]
    private partial void LogPurged(string cycleId, int files, int blobs);
}

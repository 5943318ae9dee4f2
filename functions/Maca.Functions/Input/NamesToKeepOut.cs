using System.Collections.Concurrent;
using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Functions.Directory;

namespace Maca.Functions.Input;

/// <summary>
/// The partnership's names to keep out of every field, found from the request (a partnership in the route or body,
/// or the cycle in the route) and held for a minute, so screening costs no extra read on most requests.
/// </summary>
public sealed class NamesToKeepOut(DirectoryStore directory, CycleStore cycles, SnapshotCache snapshots)
{
    private static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, IReadOnlyList<string> Names)> _held = new();

    public async Task<IReadOnlyList<string>> ForRequestAsync(HttpContext http, IEnumerable<object?> bodies)
    {
        var partnership = http.Request.RouteValues["partnershipId"] as string
            ?? bodies.Select(b => b?.GetType().GetProperty("PartnershipId")?.GetValue(b) as string).FirstOrDefault(p => p is not null);
        if (partnership is null && http.Request.RouteValues["id"] is string cycleId && FieldRules.IsIdentifier(cycleId))
            partnership = (snapshots.Get(cycleId) ?? await cycles.LoadAsync(cycleId, http.RequestAborted)).State.PartnershipId;
        // Only for someone who may see that partnership: a refusal quoting its list must not leak to anyone else.
        var mayKnow = partnership is not null && (http.User.RunsPartnership(partnership) || http.User.IsAdmin()
            || http.User.Link()?.PartnershipId == partnership);
        return !mayKnow || !FieldRules.IsIdentifier(partnership!) ? [] : await ForAsync(partnership!, http.RequestAborted);
    }

    /// <summary>After the partnership's list changes, so the next request screens against the new one.</summary>
    public void Forget(string partnershipId) => _held.TryRemove(partnershipId, out _);

    private async Task<IReadOnlyList<string>> ForAsync(string partnershipId, CancellationToken ct)
    {
        var now = TimeProvider.System.GetUtcNow();
        if (_held.TryGetValue(partnershipId, out var held) && held.Until > now) return held.Names;
        var names = (await directory.GetPartnershipAsync(partnershipId, ct))?.NamesToKeepOut ?? [];
        _held[partnershipId] = (now + HoldFor, names);
        return names;
    }
}

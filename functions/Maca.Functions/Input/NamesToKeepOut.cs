using System.Collections.Concurrent;
using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Functions.Directory;

namespace Maca.Functions.Input;

/// <summary>A JSON request body: the API's screen checks every field of it before the handler runs.</summary>
public interface IScreenedBody;

/// <summary>A request body that says which partnership it acts in, so it is screened against that one's names.</summary>
public interface IPartnershipScoped : IScreenedBody
{
    string? PartnershipId { get; }
}

/// <summary>
/// The partnership's names to keep out of every field, held for a minute so screening costs no extra read on most
/// requests. The partnership is always named by the caller: the cycle being acted on, the one in the route, or the
/// one a body declares. Nothing here guesses it from the shape of a body.
/// </summary>
public sealed class NamesToKeepOut(DirectoryStore directory, CycleStore cycles)
{
    private static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, IReadOnlyList<string> Names)> _held = new();

    /// <summary>
    /// For an API request: the partnership in the route, the one a start request names, or that of the cycle in the
    /// route. Only for someone who may see that partnership: a refusal quoting its list must not leak to anyone else.
    /// </summary>
    public async Task<IReadOnlyList<string>> ForRequestAsync(HttpContext http, IPartnershipScoped? body = null)
    {
        var partnership = http.Request.RouteValues["partnershipId"] as string ?? body?.PartnershipId;
        if (partnership is null && http.Request.RouteValues["id"] is string cycleId && FieldRules.IsIdentifier(cycleId))
            partnership = await PartnershipOfCycleAsync(cycleId, http.RequestAborted);
        var mayKnow = partnership is not null && (http.User.RunsPartnership(partnership) || http.User.IsAdmin()
            || http.User.Link()?.PartnershipId == partnership);
        return mayKnow ? await ForPartnershipAsync(partnership!, http.RequestAborted) : [];
    }

    public async Task<IReadOnlyList<string>> ForPartnershipAsync(string partnershipId, CancellationToken ct)
    {
        if (!FieldRules.IsIdentifier(partnershipId)) return [];
        var now = TimeProvider.System.GetUtcNow();
        if (_held.TryGetValue(partnershipId, out var held) && held.Until > now) return held.Names;
        var names = (await directory.GetPartnershipAsync(partnershipId, ct))?.NamesToKeepOut ?? [];
        _held[partnershipId] = (now + HoldFor, names);
        return names;
    }

    /// <summary>After the partnership's list changes, so the next request screens against the new one.</summary>
    public void Forget(string partnershipId) => _held.TryRemove(partnershipId, out _);

    private async Task<string?> PartnershipOfCycleAsync(string cycleId, CancellationToken ct)
    {
        var cycle = await cycles.LoadAsync(cycleId, ct);
        return cycle.Exists ? cycle.State.PartnershipId : null;
    }
}

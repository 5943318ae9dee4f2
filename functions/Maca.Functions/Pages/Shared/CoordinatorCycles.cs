using System.Security.Claims;
using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Pages.Shared;

/// <summary>How every coordinator page finds its cycle: only one of a partnership the coordinator runs.</summary>
public static class CoordinatorCycles
{
    /// <summary>The cycle, or null when it does not exist or belongs to another partnership (both answered as "not found").</summary>
    public static async Task<CycleState?> ForCoordinatorAsync(this CycleStore store, string id, ClaimsPrincipal user, CancellationToken ct)
    {
        var cycle = await store.LoadAsync(id, ct);
        return cycle.Exists && user.RunsPartnership(cycle.State.PartnershipId) ? cycle.State : null;
    }
}

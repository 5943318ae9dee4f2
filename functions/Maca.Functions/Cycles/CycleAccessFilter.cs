using Maca.Functions.Access;
using Maca.Functions.Workflow;

namespace Maca.Functions.Cycles;

/// <summary>Marks an endpoint an agency's magic link may use for its own cycle (coordinators always may).</summary>
public sealed class AgencyLinkAllowed;

/// <summary>
/// On every /api/cycles/{id} route: the caller must run the cycle's partnership, or hold a live link for this
/// very cycle on an endpoint that allows links. Anyone else is told the cycle does not exist, which is also
/// what they would hear if it did not. A cycle whose start is still being processed is its partnership's too.
/// </summary>
public sealed class CycleAccessFilter(CycleStore store, PendingStarts starts) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.RouteValues["id"] is not string id) return await next(context);
        var cycle = await store.LoadAsync(id, http.RequestAborted);
        var user = http.User;
        if (!cycle.Exists)
            return await starts.PartnershipAsync(id, http.RequestAborted) is { } starting
                && user.RunsPartnership(starting) ? await next(context) : CycleProblems.NotFound(id);
        var allowed = user.RunsPartnership(cycle.State.PartnershipId)
            || (user.Link() is { } link && link.CycleId == id
                && http.GetEndpoint()?.Metadata.GetMetadata<AgencyLinkAllowed>() is not null);
        return allowed ? await next(context) : CycleProblems.NotFound(id);
    }
}

public static class CycleProblems
{
    public static IResult NotFound(string id) => TypedResults.Problem($"There is no cycle {id}.", statusCode: 404, title: "Not found");
}

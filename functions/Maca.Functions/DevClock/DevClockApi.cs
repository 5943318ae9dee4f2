using Maca.Functions.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Maca.Functions.DevClock;

/// <summary>POST /api/dev/clock/advance moves the Development clock forward; in any other environment it does not exist.</summary>
public static class DevClockApi
{
    public sealed record AdvanceRequest(double? Days = null, double? Hours = null, double? Minutes = null, DateTimeOffset? To = null);
    public sealed record ClockReading(DateTimeOffset UtcNow, TimeSpan Offset);

    public static RouteGroupBuilder MapDevClock(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dev/clock").WithTags("Development").RequireAuthorization(AccessSetup.CoordinatorPolicy);
        group.MapGet("/", (ShiftableClock clock) => TypedResults.Ok(new ClockReading(clock.GetUtcNow(), clock.Offset)));
        group.MapPost("/advance", Advance).WithSummary("Move the Development clock forward (demos and tests only)");
        return group;
    }

    /// <summary>Answers once every running cycle has run what the move made due.</summary>
    private static async Task<Results<Ok<ClockReading>, ValidationProblem>> Advance(AdvanceRequest request,
        ShiftableClock clock, ClockBroadcast broadcast, CancellationToken ct)
    {
        if (request.To is { } to)
        {
            if (to < clock.GetUtcNow()) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["The clock only moves forward."] });
            clock.AdvanceTo(to);
        }
        else
        {
            var by = TimeSpan.FromDays(request.Days ?? 0) + TimeSpan.FromHours(request.Hours ?? 0) + TimeSpan.FromMinutes(request.Minutes ?? 0);
            if (by <= TimeSpan.Zero)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = ["Give a positive number of days, hours or minutes, or a time to move to."] });
            clock.Advance(by);
        }
        await broadcast.TellAsync(clock.Offset, ct);
        return TypedResults.Ok(new ClockReading(clock.GetUtcNow(), clock.Offset));
    }
}

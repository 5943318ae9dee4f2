using Maca.Functions.Access;
using Maca.Functions.Input;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Maca.Functions.Directory;

/// <summary>The partnership's own data: its details, board themes and agencies.</summary>
public static class DirectoryApi
{
    public sealed record PartnershipBody(string Name, string CoordinatorEmail, string ManagerEmail, string LearningDevelopmentEmail,
        int RetentionDays, IReadOnlyList<string> Themes, IReadOnlyList<string>? NamesToKeepOut = null) : IScreenedBody;
    public sealed record AgencyBody(string Name, string LeadEmail, string QaEmail, string SeniorEmail) : IScreenedBody;

    public static RouteGroupBuilder MapDirectory(this IEndpointRouteBuilder app)
    {
        // A coordinator reads their own partnerships; only an admin changes any of it. Others hear "not found".
        var group = app.MapGroup("/api/partnerships/{partnershipId}").WithTags("Directory").ScreenInput().RequireJsonBody()
            .RequireAuthorization(AccessSetup.CoordinatorPolicy).AddEndpointFilter(HidesOtherPartnerships);
        group.MapGet("/", GetPartnership);
        group.MapGet("/agencies", ListAgencies);
        group.MapGet("/agencies/{code}", GetAgency);
        var admin = group.MapGroup("").RequireAuthorization(AccessSetup.AdminPolicy);
        admin.MapPut("/", PutPartnership);
        admin.MapPut("/agencies/{code}", PutAgency);
        admin.MapDelete("/agencies/{code}", DeleteAgency);
        return group;
    }

    private static async ValueTask<object?> HidesOtherPartnerships(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        var id = context.HttpContext.Request.RouteValues["partnershipId"] as string ?? "";
        return user.IsAdmin() || user.RunsPartnership(id) ? await next(context) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<Partnership>, NotFound>> GetPartnership(string partnershipId, DirectoryStore store, CancellationToken ct) =>
        await store.GetPartnershipAsync(partnershipId, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();


    private static async Task<Results<Ok<Partnership>, ValidationProblem>> PutPartnership(string partnershipId, PartnershipBody body,
        DirectoryStore store, NamesToKeepOut namesToKeepOut, CancellationToken ct)
    {
        var partnership = new Partnership(partnershipId, body.Name?.Trim() ?? "", body.CoordinatorEmail, body.ManagerEmail,
            body.LearningDevelopmentEmail, body.RetentionDays, body.Themes?.Select(t => t.Trim()).ToList() ?? [],
            body.NamesToKeepOut?.Select(n => n.Trim()).ToList());
        var problems = DirectoryValidation.Problems(partnership);
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);
        await store.SavePartnershipAsync(partnership, ct);
        namesToKeepOut.Forget(partnershipId);
        return TypedResults.Ok(partnership);
    }

    private static async Task<Results<Ok<IReadOnlyList<Agency>>, NotFound>> ListAgencies(string partnershipId, DirectoryStore store, CancellationToken ct) =>
        await store.GetPartnershipAsync(partnershipId, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await store.AgenciesAsync(partnershipId, ct));

    private static async Task<Results<Ok<Agency>, NotFound>> GetAgency(string partnershipId, string code, DirectoryStore store, CancellationToken ct) =>
        await store.GetAgencyAsync(partnershipId, code, ct) is { } a ? TypedResults.Ok(a) : TypedResults.NotFound();

    private static async Task<Results<Ok<Agency>, NotFound<string>, ValidationProblem>> PutAgency(string partnershipId, string code, AgencyBody body,
        DirectoryStore store, CancellationToken ct)
    {
        if (await store.GetPartnershipAsync(partnershipId, ct) is null) return TypedResults.NotFound($"Partnership {partnershipId} does not exist.");
        var agency = new Agency(code, body.Name?.Trim() ?? "", body.LeadEmail, body.QaEmail, body.SeniorEmail);
        var problems = DirectoryValidation.Problems(agency);
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);
        await store.SaveAgencyAsync(partnershipId, agency, ct);
        return TypedResults.Ok(agency);
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAgency(string partnershipId, string code, DirectoryStore store, CancellationToken ct) =>
        await store.DeleteAgencyAsync(partnershipId, code, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}

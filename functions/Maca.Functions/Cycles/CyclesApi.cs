using System.Text.Json;
using Maca.Functions.Directory;
using Maca.Functions.Input;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Nominations;
using Microsoft.AspNetCore.Mvc;

namespace Maca.Functions.Cycles;

/// <summary>
/// Audit cycles over HTTP, managed like Durable orchestrations: start (202 with management URLs), status with history,
/// list, raise an event (any cycle command by name), terminate, suspend, resume and purge.
/// </summary>
public static class CyclesApi
{
    public sealed record ManagementUrls(string Id, string StatusQueryGetUri, string SendEventPostUri, string TerminatePostUri,
        string SuspendPostUri, string ResumePostUri, string PurgeHistoryDeleteUri);
    public sealed record Accepted(string InstanceId, int Version, string Phase, IReadOnlyList<string> Events, bool Replayed, string StatusQueryGetUri);

    public static RouteGroupBuilder MapCycles(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cycles").WithTags("Cycles").ScreenInput();
        group.MapPost("/", Start).WithSummary("Start an audit cycle");
        group.MapGet("/", List).WithSummary("List cycles, newest filters first");
        group.MapGet("/{id}", Status).WithSummary("A cycle's status; add showHistory=true for its audit trail");
        group.MapPost("/{id}/raiseEvent/{name}", RaiseEvent).WithSummary("Send a cycle command by name, e.g. SubmitAuditTool");
        group.MapPost("/{id}/terminate", (string id, string? reason, HttpContext http, CycleEngine engine, CancellationToken ct) =>
            Execute(id, new TerminateCycle(reason ?? "Terminated by the coordinator"), http, engine, ct));
        group.MapPost("/{id}/suspend", (string id, string? reason, HttpContext http, CycleEngine engine, CancellationToken ct) =>
            Execute(id, new SuspendCycle(reason ?? "Suspended by the coordinator"), http, engine, ct));
        group.MapPost("/{id}/resume", (string id, HttpContext http, CycleEngine engine, CancellationToken ct) =>
            Execute(id, new ResumeCycle(), http, engine, ct));
        group.MapDelete("/{id}", Purge).WithSummary("Purge a closed or terminated cycle and its history");
        group.MapGet("/{id}/selection/suggestion", Suggest).WithSummary("A cross-section of the nominations, with its coverage");
        group.MapGet("/commands", () => TypedResults.Ok(CommandCatalog.ByName.Keys.Order())).WithSummary("The command names raiseEvent accepts");
        return group;
    }

    private static async Task<IResult> Start(StartCycleRequest request, HttpContext http, DirectoryStore directory, CycleEngine engine,
        CancellationToken ct)
    {
        var key = IdempotencyKey(http);
        var cycleId = StartCycleRequest.NewCycleId(request.PartnershipId ?? "", key);
        var (command, problems, partnershipMissing) = await request.ResolveAsync(cycleId, directory, ct);
        if (partnershipMissing) return TypedResults.Problem($"Partnership {request.PartnershipId} does not exist.", statusCode: 404, title: "Not found");
        if (command is null) return TypedResults.ValidationProblem(problems);
        var result = await engine.ExecuteAsync(cycleId, command, key, inputJson: JsonSerializer.Serialize(request, CycleJson.Options), ct: ct);
        if (result.Rejection is { } rejection) return RejectionProblems.ToResult(rejection);
        var urls = Urls(http, cycleId);
        return TypedResults.Accepted(urls.StatusQueryGetUri, urls);
    }

    private static async Task<IResult> Status(string id, bool? showHistory, HttpContext http, CycleQueries queries, CancellationToken ct)
    {
        var status = await queries.StatusAsync(id, showHistory ?? false, ct);
        if (status is null) return TypedResults.Problem($"There is no cycle {id}.", statusCode: 404, title: "Not found");
        http.Response.Headers.ETag = $"\"{status.Version}\"";
        return TypedResults.Ok(status);
    }

    private static async Task<IResult> List([AsParameters] ListQuery q, HttpContext http, CycleQueries queries, CancellationToken ct)
    {
        var statuses = new List<RuntimeStatus>();
        foreach (var s in (q.RuntimeStatus ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (Enum.TryParse<RuntimeStatus>(s, true, out var parsed)) statuses.Add(parsed);
            else return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["runtimeStatus"] = [$"'{s}' is not a runtime status."] });
        if (q.Top is < 1 or > 1000) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["top"] = ["Ask for between 1 and 1000 cycles."] });
        var token = q.ContinuationToken ?? http.Request.Headers["x-ms-continuation-token"].FirstOrDefault();
        var page = await queries.ListAsync(new(q.PartnershipId, statuses, q.CreatedTimeFrom, q.CreatedTimeTo, q.Top ?? 100, token), ct);
        if (page.ContinuationToken is { } next) http.Response.Headers["x-ms-continuation-token"] = next;
        return TypedResults.Ok(page);
    }

    public sealed record ListQuery(string? PartnershipId, string? RuntimeStatus, DateTimeOffset? CreatedTimeFrom, DateTimeOffset? CreatedTimeTo,
        int? Top, string? ContinuationToken);

    private static async Task<IResult> RaiseEvent(string id, string name, HttpContext http, CycleEngine engine, CancellationToken ct)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(ct);
        var command = CommandCatalog.Read(name, body);
        if (command is null)
            return TypedResults.Problem($"'{name}' is not a cycle command. GET /api/cycles/commands lists them.", statusCode: 404, title: "Unknown command");
        if (InputScreen.Problems(command) is { Count: > 0 } problems) return TypedResults.ValidationProblem(problems);
        return await Execute(id, command, http, engine, ct);
    }

    private static async Task<IResult> Execute(string id, CycleCommand command, HttpContext http, CycleEngine engine, CancellationToken ct)
    {
        var result = await engine.ExecuteAsync(id, command, IdempotencyKey(http), IfMatchVersion(http), ct: ct);
        if (result.Rejection is { } rejection) return RejectionProblems.ToResult(rejection);
        var statusUri = Urls(http, id).StatusQueryGetUri;
        http.Response.Headers.ETag = $"\"{result.State.Version}\"";
        return TypedResults.Accepted(statusUri, new Accepted(id, result.Version, result.Phase, result.EventTypes, result.Replayed, statusUri));
    }

    private static async Task<IResult> Purge(string id, CycleStore store, CyclePurger purger, CancellationToken ct)
    {
        var cycle = await store.LoadAsync(id, ct);
        if (!cycle.Exists) return TypedResults.Problem($"There is no cycle {id}.", statusCode: 404, title: "Not found");
        if (!cycle.State.IsFinished)
            return TypedResults.Problem("Only a closed or terminated cycle can be purged.", statusCode: 409, title: "Not allowed in this phase");
        await purger.PurgeAsync(id, ct);
        return TypedResults.Ok(new { instancesDeleted = 1 });
    }

    private static async Task<IResult> Suggest(string id, CycleStore store, CancellationToken ct)
    {
        var cycle = await store.LoadAsync(id, ct);
        if (!cycle.Exists) return TypedResults.Problem($"There is no cycle {id}.", statusCode: 404, title: "Not found");
        return TypedResults.Ok(CrossSectionSuggester.Suggest(cycle.State.Nominations, cycle.State.TargetCases));
    }

    private static string? IdempotencyKey(HttpContext http) =>
        http.Request.Headers["Idempotency-Key"].FirstOrDefault() is { Length: > 0 and <= 200 } key ? key : null;

    private static int? IfMatchVersion(HttpContext http)
    {
        var value = http.Request.Headers.IfMatch.FirstOrDefault();
        if (string.IsNullOrEmpty(value) || value == "*") return null;
        return int.TryParse(value.Trim('"').Replace("W/", "").Trim('"'), out var v) ? v
            : throw new BadHttpRequestException("If-Match must be an ETag this API gave out, such as \"12\".");
    }

    private static ManagementUrls Urls(HttpContext http, string id)
    {
        var root = $"{http.Request.Scheme}://{http.Request.Host}/api/cycles/{id}";
        return new ManagementUrls(id, root, $"{root}/raiseEvent/{{eventName}}", $"{root}/terminate?reason={{text}}",
            $"{root}/suspend?reason={{text}}", $"{root}/resume", root);
    }
}

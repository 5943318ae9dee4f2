using Maca.Functions.Workflow;
using System.Security.Claims;
using System.Text.Json;
using Maca.Functions.Access;
using Maca.Functions.Access.Links;
using Maca.Functions.Directory;
using Maca.Functions.Input;
using Maca.Functions.Email.Delivery;
using Microsoft.Extensions.Options;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Nominations;
using Maca.Orchestrations.Summaries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace Maca.Functions.Cycles;

/// <summary>
/// Audit cycles over HTTP, managed like Durable orchestrations: start (202 with management URLs), status with history,
/// list, raise an event (any cycle command by name), terminate, suspend, resume and purge.
/// </summary>
public static class CyclesApi
{
    public sealed record ManagementUrls(string Id, string StatusQueryGetUri, string SendEventPostUri, string TerminatePostUri,
        string SuspendPostUri, string ResumePostUri, string PurgeHistoryDeleteUri)
    {
        /// <summary>"accepted" once the start is recorded; "pending" while the status URL still says Pending.</summary>
        public string Outcome { get; init; } = "accepted";
    }

    /// <summary>What the status URL says of a cycle whose start is not yet recorded.</summary>
    public sealed record StartingStatus(string InstanceId)
    {
        public string RuntimeStatus => "Pending";
        public int Version => 0;
        public object CustomStatus => new { Phase = "Starting" };
    }
    /// <summary>
    /// A command's answer. Outcome is "accepted", "unchanged" or "replayed" once the cycle's orchestrator has
    /// decided it, or "pending" when it has not yet: the status URL then shows it when it has.
    /// </summary>
    public sealed record Accepted(string InstanceId, int Version, string Phase, IReadOnlyList<string> Events,
        bool Replayed, string StatusQueryGetUri)
    {
        public string Outcome { get; init; } = "accepted";
        public string? RequestId { get; init; }
    }

    public static RouteGroupBuilder MapCycles(this IEndpointRouteBuilder app)
    {
        // Coordinators of the cycle's partnership may do everything here; an agency's link only sends its own commands.
        var group = app.MapGroup("/api/cycles").WithTags("Cycles").ScreenInput().RequireJsonBody()
            .RequireAuthorization(AccessSetup.ParticipantPolicy).AddEndpointFilter<CycleAccessFilter>();
        var coordinator = group.MapGroup("").RequireAuthorization(AccessSetup.CoordinatorPolicy);
        coordinator.MapPost("/", Start).WithSummary("Start an audit cycle");
        coordinator.MapGet("/", List).WithSummary("List cycles, newest filters first");
        coordinator.MapGet("/{id}", Status).WithSummary("A cycle's status; add showHistory=true for its audit trail");
        group.MapPost("/{id}/raiseEvent/{name}", RaiseEvent).WithMetadata(new AgencyLinkAllowed())
            .WithSummary("Send a cycle command by name, e.g. SubmitAuditTool");
        coordinator.MapPost("/{id}/terminate", (string id, string? reason, HttpContext http, CycleGateway engine, CancellationToken ct) =>
            WithReason(reason, "Terminated by the coordinator", r => Execute(id, new TerminateCycle(r), http, engine, ct)));
        coordinator.MapPost("/{id}/suspend", (string id, string? reason, HttpContext http, CycleGateway engine, CancellationToken ct) =>
            WithReason(reason, "Suspended by the coordinator", r => Execute(id, new SuspendCycle(r), http, engine, ct)));
        coordinator.MapPost("/{id}/resume", (string id, HttpContext http, CycleGateway engine, CancellationToken ct) =>
            Execute(id, new ResumeCycle(), http, engine, ct));
        coordinator.MapGet("/{id}/content", async (string id, CycleContentQuery content, CancellationToken ct) =>
                await content.GetAsync(id, ct) is { } found ? Results.Ok(found) : CycleProblems.NotFound(id))
            .WithSummary("What the cycle holds: scope and submissions per case and agency, findings, recommendations, actions, emails");
        coordinator.MapDelete("/{id}", Purge).WithSummary("Purge a closed or terminated cycle and its history");
        coordinator.MapGet("/{id}/selection/suggestion", Suggest).WithSummary("A cross-section of the nominations, with its coverage");
        coordinator.MapPost("/{id}/emails/{outboxId}/retry", RetryEmail).WithSummary("Send a failed email again");
        coordinator.MapGet("/commands", () => TypedResults.Ok(CommandCatalog.ByName.Keys.Order())).WithSummary("The command names raiseEvent accepts");
        return group;
    }

    private static Task<IResult> WithReason(string? reason, string fallback, Func<string, Task<IResult>> execute) =>
        InputScreen.TextProblem(reason?.Trim()) is { } problem
            ? Task.FromResult<IResult>(TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [problem] }))
            : execute(string.IsNullOrWhiteSpace(reason) ? fallback : reason);

    private static async Task<IResult> Start(StartCycleRequest request, HttpContext http, DirectoryStore directory, CycleGateway engine,
        IOptions<AppOptions> app, CancellationToken ct)
    {
        if (IdempotencyKeyProblem(http) is { } badKey) return badKey;
        var key = IdempotencyKey(http);
        var cycleId = StartCycleRequest.NewCycleId(request.PartnershipId ?? "", key);
        if (!http.User.RunsPartnership(request.PartnershipId ?? ""))
            return await NotRunByCallerAsync(request.PartnershipId ?? "", http.User, directory, ct);
        var (command, problems, partnershipMissing) = await request.ResolveAsync(cycleId, directory, ct);
        if (partnershipMissing) return PartnershipNotFound(request.PartnershipId ?? "");
        if (command is null) return TypedResults.ValidationProblem(problems);
        var result = await engine.ExecuteAsync(cycleId, command, key, inputJson: JsonSerializer.Serialize(request, CycleJson.Options),
            actor: http.User.Actor(), ct: ct);
        if (result.Rejection is { } rejection) return RejectionProblems.ToResult(rejection);
        var urls = Urls(app.Value, cycleId) with { Outcome = result.Pending ? "pending" : "accepted" };
        return TypedResults.Accepted(urls.StatusQueryGetUri, urls);
    }

    /// <summary>
    /// Another partnership's id is answered as if it did not exist, except to an administrator, who sees every
    /// partnership in the directory and so is told why they cannot start an audit in one they have just created.
    /// </summary>
    private static async Task<IResult> NotRunByCallerAsync(string partnershipId, ClaimsPrincipal user,
        DirectoryStore directory, CancellationToken ct)
    {
        if (!user.IsAdmin() || !FieldRules.IsIdentifier(partnershipId)
            || await directory.GetPartnershipAsync(partnershipId, ct) is not { } partnership)
            return PartnershipNotFound(partnershipId);
        return TypedResults.Problem($"You can change the directory but do not run the audits of {partnership.Name}, "
            + $"so you cannot start one there. Ask for \"{partnershipId}\" to be added to your partnerships in the "
            + "Access:Coordinators setting, or ask one of its coordinators to start the audit.",
            statusCode: StatusCodes.Status403Forbidden, title: "Not one of your partnerships");
    }

    private static IResult PartnershipNotFound(string partnershipId) =>
        TypedResults.Problem($"Partnership {partnershipId} does not exist.", statusCode: 404, title: "Not found");

    private static async Task<IResult> Status(string id, bool? showHistory, HttpContext http, CycleQueries queries,
        CancellationToken ct)
    {
        var status = await queries.StatusAsync(id, showHistory ?? false, ct);
        // The access filter let it through unrecorded only because its start is still being processed.
        if (status is null) return TypedResults.Ok(new StartingStatus(id));
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
        var filter = new CycleQueries.ListFilter(http.User.VisiblePartnerships(q.PartnershipId), statuses, q.CreatedTimeFrom,
            q.CreatedTimeTo, q.Top ?? 100, token);
        var page = await queries.ListAsync(filter, ct);
        if (page.ContinuationToken is { } next) http.Response.Headers["x-ms-continuation-token"] = next;
        return TypedResults.Ok(page);
    }

    public sealed record ListQuery(string? PartnershipId, string? RuntimeStatus, DateTimeOffset? CreatedTimeFrom, DateTimeOffset? CreatedTimeTo,
        int? Top, string? ContinuationToken);

    private static async Task<IResult> RaiseEvent(string id, string name, HttpContext http, CycleGateway engine, NamesToKeepOut namesToKeepOut,
        CycleStore store, CancellationToken ct)
    {
        // Strict UTF-8: bytes that are not UTF-8 are refused, never silently replaced.
        using var reader = new StreamReader(http.Request.Body, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
        string body;
        try { body = await reader.ReadToEndAsync(ct); }
        catch (System.Text.DecoderFallbackException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["The body is not valid UTF-8 text."] });
        }
        var command = CommandCatalog.Read(name, body);
        if (command is null)
            return TypedResults.Problem($"'{name}' is not a cycle command. GET /api/cycles/commands lists them.", statusCode: 404, title: "Unknown command");
        var names = await namesToKeepOut.ForRequestAsync(http);
        if (InputScreen.Problems(command, names) is { Count: > 0 } problems) return TypedResults.ValidationProblem(problems);
        if (http.User.Link() is { } link && LinkRefusal(link, command) is { } refusal)
            return TypedResults.Problem(refusal, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed with this link");
        // The decider checks the summary for identifier shapes; only here are the partnership's own names known.
        if (command is ApproveSummary && names.Count > 0 && (await store.LoadAsync(id, ct)).State is { SummaryContent: not null } cycle
            && SummaryScreen.Hits(LearningSummaryDocument.From(cycle), names) is { Count: > 0 } hits)
            return TypedResults.Problem(SummaryScreen.Explain(hits), statusCode: 422, title: "Not allowed by the audit's rules");
        return await Execute(id, command, http, engine, ct);
    }

    /// <summary>A link acts only for its own agency, and only for what it was sent for.</summary>
    private static string? LinkRefusal(LinkScope link, CycleCommand command) => command switch
    {
        IAgencyCommand a when a.AgencyCode != link.AgencyCode =>
            $"This link is for {link.AgencyCode}; it cannot act for {a.AgencyCode}.",
        _ when !LinkPurposes.Allows(link.Purpose, command) =>
            $"This link was sent to {LinkPurposes.Words(link.Purpose)}; it cannot be used to {command.GetType().Name}.",
        _ => null,
    };

    private static async Task<IResult> Execute(string id, CycleCommand command, HttpContext http, CycleGateway engine, CancellationToken ct)
    {
        if (IdempotencyKeyProblem(http) is { } badKey) return badKey;
        var result = await engine.ExecuteAsync(id, command, IdempotencyKey(http), IfMatchVersion(http), actor: http.User.Actor(), ct: ct);
        if (result.Rejection is { } rejection) return RejectionProblems.ToResult(rejection);
        var statusUri = Urls(http.RequestServices.GetRequiredService<IOptions<AppOptions>>().Value, id).StatusQueryGetUri;
        http.Response.Headers.ETag = $"\"{result.State.Version}\"";
        var outcome = result.Replayed ? "replayed" : result.Pending ? "pending"
            : result.EventTypes.Count == 0 ? "unchanged" : "accepted";
        return TypedResults.Accepted(statusUri, new Accepted(id, result.Version, result.Phase, result.EventTypes,
            result.Replayed, statusUri) { Outcome = outcome, RequestId = result.RequestId });
    }

    private static async Task<IResult> Purge(string id, HttpContext http, CycleStore store, CyclePurger purger,
        PartnershipAuditLog log, Workflow.CycleRuntime runtime, DurableTaskClient client, TimeProvider clock,
        CancellationToken ct)
    {
        var cycle = await store.LoadAsync(id, ct);
        if (!cycle.Exists) return CycleProblems.NotFound(id);
        // The engine would purge a running orchestration without a word; its cycle would then be half gone.
        if (!cycle.State.IsFinished || await runtime.IsLiveAsync(id, ct))
            return TypedResults.Problem("Only a closed or terminated cycle can be purged.", statusCode: 409,
                title: "Not allowed in this phase");
        // Recorded first, outside the cycle: the record of a purge must survive the purge.
        await log.RecordAsync(new PartnershipAuditLog.Entry(cycle.State.PartnershipId, "CyclePurged", id, http.User.Actor(),
            clock.GetUtcNow(), $"{cycle.State.Theme} audit, {cycle.State.Phase}"), ct);
        await client.PurgeInstanceAsync(id, cancellation: ct);
        await purger.PurgeAsync(id, ct);
        return TypedResults.Ok(new { instancesDeleted = 1 });
    }

    private static async Task<IResult> RetryEmail(string id, string outboxId, HttpContext http, EmailRetry retry, CancellationToken ct) =>
        await retry.RetryAsync(id, outboxId, http.User.Actor(), ct) switch
        {
            EmailDeliveries.RetryOutcome.NotFound =>
                TypedResults.Problem($"There is no email {outboxId} in this cycle.", statusCode: 404, title: "Not found"),
            EmailDeliveries.RetryOutcome.NotFailed =>
                TypedResults.Problem("Only an email that failed can be sent again.", statusCode: 409, title: "Not failed"),
            _ => TypedResults.Accepted($"/api/cycles/{id}", new { outboxId, status = "Pending" }),
        };

    private static async Task<IResult> Suggest(string id, CycleStore store, CancellationToken ct)
    {
        var cycle = await store.LoadAsync(id, ct);
        if (!cycle.Exists) return CycleProblems.NotFound(id);
        return TypedResults.Ok(CrossSectionSuggester.Suggest(cycle.State.Nominations, cycle.State.TargetCases));
    }

    private const int MaxIdempotencyKeyLength = 200;

    private static string? IdempotencyKey(HttpContext http) =>
        http.Request.Headers["Idempotency-Key"].FirstOrDefault() is { Length: > 0 and <= MaxIdempotencyKeyLength } key
            ? key : null;

    /// <summary>A key too long to keep is refused: ignored, a retried start would make a second cycle.</summary>
    private static IResult? IdempotencyKeyProblem(HttpContext http) =>
        http.Request.Headers["Idempotency-Key"].FirstOrDefault() is { Length: > MaxIdempotencyKeyLength } key
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["Idempotency-Key"] = [$"This Idempotency-Key header is {key.Length:N0} characters long. Use a key of "
                    + $"at most {MaxIdempotencyKeyLength} characters, such as a GUID, and send the request again."],
            })
            : null;

    private static int? IfMatchVersion(HttpContext http)
    {
        var value = http.Request.Headers.IfMatch.FirstOrDefault();
        if (string.IsNullOrEmpty(value) || value == "*") return null;
        return int.TryParse(value.Trim('"').Replace("W/", "").Trim('"'), out var v) ? v
            : throw new BadHttpRequestException("If-Match must be an ETag this API gave out, such as \"12\".");
    }

    /// <summary>From App:PublicBaseUrl, never from the request's Host header, which a caller controls.</summary>
    private static ManagementUrls Urls(AppOptions app, string id)
    {
        var root = $"{app.PublicBaseUrl.ToString().TrimEnd('/')}/api/cycles/{id}";
        return new ManagementUrls(id, root, $"{root}/raiseEvent/{{eventName}}", $"{root}/terminate?reason={{text}}",
            $"{root}/suspend?reason={{text}}", $"{root}/resume", root);
    }
}

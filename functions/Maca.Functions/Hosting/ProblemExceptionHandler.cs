using System.Text.Json;
using Azure;
using Maca.Functions.Cycles;
using Maca.Functions.Input;
using Maca.Functions.Storage.Tables;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Maca.Functions.Hosting;

/// <summary>
/// Turns the exceptions that mean something to a caller into ProblemDetails, in one place. Details are written
/// for people: never a .NET type name, a serializer's wording or a storage host.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var json = exception as JsonException ?? exception.InnerException as JsonException;
        var (status, title, detail) = exception switch
        {
            _ when json is not null =>
                (StatusCodes.Status400BadRequest, "The request could not be read", JsonProblems.Describe(json).Message),
            CycleChangedException => (StatusCodes.Status412PreconditionFailed, "The record was changed by someone else", exception.Message),
            CycleContentionException => (StatusCodes.Status409Conflict, "The cycle was busy", exception.Message),
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                (bad.StatusCode, "The request is too large", bad.Message),
            BadHttpRequestException => (StatusCodes.Status400BadRequest, "The request could not be read", ReadableBadRequest(exception)),
            EntityTooLargeException or TransactionTooLargeException => (StatusCodes.Status422UnprocessableEntity, "Too much for one cycle",
                "This would make the cycle larger than it can hold, so nothing was saved. Shorten the text or split the work."),
            // An unreachable service ends its retries in an AggregateException of the attempts' failures.
            RequestFailedException or AggregateException { InnerException: RequestFailedException } =>
                (StatusCodes.Status503ServiceUnavailable, "Storage is not available", "Nothing was saved. Please try again in a few seconds."),
            // The engine's sidecar or its storage did not take the command: whether it arrived is not known, and
            // a repeat with the same Idempotency-Key is applied at most once.
            Grpc.Core.RpcException => (StatusCodes.Status503ServiceUnavailable, "The workflow engine did not answer",
                "The change may not have been made. Please check the audit and try again in a few seconds."),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong on our side", (string?)null),
        };
        if (status == StatusCodes.Status500InternalServerError) LogUnexpected(exception.GetType().Name, exception);
        if (status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "5";
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (json is not null)
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [JsonProblems.Describe(json).Field] = [detail!] };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem });
    }

    /// <summary>Our own messages pass through; the framework's, which name parameters and types, are replaced.</summary>
    private static string ReadableBadRequest(Exception exception) =>
        exception.Message.Contains("Failed to read parameter", StringComparison.Ordinal)
        || exception.Message.Contains("Required parameter", StringComparison.Ordinal)
            ? "A required value is missing or is not of the right kind. Send a JSON body with Content-Type: application/json."
            : exception.Message;

    [LoggerMessage(Level = LogLevel.Error, Message = "Answered 500 for an unexpected {Type}")]
    private partial void LogUnexpected(string type, Exception exception);
}

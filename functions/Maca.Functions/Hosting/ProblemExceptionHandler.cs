using Azure;
using Maca.Functions.Cycles;
using Microsoft.AspNetCore.Diagnostics;

namespace Maca.Functions.Hosting;

/// <summary>Turns the exceptions that mean something to a caller into ProblemDetails, in one place.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title) = exception switch
        {
            CycleChangedException => (StatusCodes.Status412PreconditionFailed, "The record was changed by someone else"),
            CycleContentionException => (StatusCodes.Status409Conflict, "The cycle was busy"),
            BadHttpRequestException => (StatusCodes.Status400BadRequest, "The request could not be read"),
            System.Text.Json.JsonException => (StatusCodes.Status400BadRequest, "The request body is not valid JSON"),
            // An unreachable service ends its retries in an AggregateException of the attempts' failures.
            RequestFailedException or AggregateException { InnerException: RequestFailedException } =>
                (StatusCodes.Status503ServiceUnavailable, "Storage is not available"),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong on our side"),
        };
        if (status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "5";
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Detail = status switch
                {
                    StatusCodes.Status500InternalServerError => null,
                    // The storage service's own message names hosts and request ids: not for callers.
                    StatusCodes.Status503ServiceUnavailable => "Nothing was saved. Please try again in a few seconds.",
                    _ => exception.Message,
                },
            },
        });
    }
}

using Maca.Functions.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace Maca.Functions.Hosting;

/// <summary>Turns the exceptions that mean something to a caller into ProblemDetails, in one place.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title) = exception switch
        {
            StoragePreconditionFailedException => (StatusCodes.Status412PreconditionFailed, "The record was changed by someone else"),
            BadHttpRequestException => (StatusCodes.Status400BadRequest, "The request could not be read"),
            System.Text.Json.JsonException => (StatusCodes.Status400BadRequest, "The request body is not valid JSON"),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong on our side"),
        };
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Detail = status == StatusCodes.Status500InternalServerError ? null : exception.Message,
            },
        });
    }
}

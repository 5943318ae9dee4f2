namespace Maca.Functions.Input;

/// <summary>
/// A state-changing request that carries a body must say it is JSON. A cross-site form cannot send
/// application/json without the browser asking first, and CORS stays closed, so this also stops forged requests.
/// </summary>
public sealed class RequireJsonBodyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (hasBody && !HttpMethods.IsGet(request.Method) && !IsJson(request.ContentType))
            return TypedResults.Problem("Send the body as JSON, with Content-Type: application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        return await next(context);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase));
}

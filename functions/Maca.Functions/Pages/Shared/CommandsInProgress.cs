using Maca.Orchestrations.Workflow;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.DurableTask.Client;

namespace Maca.Functions.Pages.Shared;

/// <summary>
/// A page that sent a command whose outcome was not known in time says so on the next page it shows: "being
/// processed", and the page refreshes until the cycle's orchestrator has decided it. A short-lived cookie carries
/// which request that is, so the next page (whichever it is) can ask; it never looks done while it is not.
/// </summary>
public static class CommandsInProgress
{
    public const string Cookie = "maca-processing";
    public const string ViewDataKey = "CommandInProgress";

    /// <summary>Called by the gateway for a command still being processed, when a page (not the API) sent it.</summary>
    public static void Remember(HttpContext? http, string cycleId, string requestId)
    {
        if (http is null || http.Request.Path.StartsWithSegments("/api")) return;
        http.Response.Cookies.Append(Cookie, $"{cycleId}|{requestId}", new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, Path = "/",
            MaxAge = TimeSpan.FromMinutes(2), IsEssential = true,
        });
    }

    /// <summary>Before each page: is the request it remembers still waiting for its orchestrator?</summary>
    public sealed class Filter(DurableTaskClient client) : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context,
            PageHandlerExecutionDelegate next)
        {
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) && http.Request.Cookies[Cookie] is { } value
                && value.Split('|') is [var cycleId, var requestId])
            {
                if (await IsWaitingAsync(cycleId, requestId, http.RequestAborted))
                    ((Microsoft.AspNetCore.Mvc.RazorPages.PageModel)context.HandlerInstance)
                        .ViewData[ViewDataKey] = true;
                else http.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/" });
            }
            await next();
        }

        private async Task<bool> IsWaitingAsync(string cycleId, string requestId, CancellationToken ct)
        {
            if (cycleId.Length > 200 || requestId.Length > 100) return false; // not one we wrote
            var instance = await client.GetInstanceAsync(cycleId, getInputsAndOutputs: true, ct);
            if (instance is null || instance.IsCompleted) return false;
            return instance.ReadCustomStatusAs<CycleProgress>()?.OutcomeOf(requestId) is null;
        }
    }
}

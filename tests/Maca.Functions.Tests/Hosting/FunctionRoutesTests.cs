using System.Text.Json.Nodes;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Maca.Functions.Tests.Hosting;

/// <summary>
/// Under the Functions host, a path reaches the app only if some function.json proxies it. Every page, API route and
/// static folder must be covered, and the timer trigger's path must never be.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FunctionRoutesTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private static readonly string Functions = Path.Combine(RepoPaths.Root, "functions");

    private static List<(string Folder, string Route)> HttpFunctions() => System.IO.Directory.GetDirectories(Functions)
        .Select(d => (Folder: Path.GetFileName(d), File: Path.Combine(d, "function.json"))).Where(f => File.Exists(f.File))
        .SelectMany(f => JsonNode.Parse(File.ReadAllText(f.File))!["bindings"]!.AsArray()
            .Where(b => b!["type"]!.GetValue<string>() == "httpTrigger").Select(b => (f.Folder, b!["route"]!.GetValue<string>())))
        .ToList();

    private static string FirstSegment(string pattern) => pattern.Trim('/').Split('/')[0];

    [Fact]
    public async Task EveryRouteAndStaticFolderIsProxiedAndTheTriggerIsNot()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var proxied = HttpFunctions().Select(f => FirstSegment(f.Route)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => FirstSegment(e.RoutePattern.RawText ?? "")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // The root page only redirects to /cycles or /signin; under the host, "/" is the host's own.
        mapped.ExceptWith(["", "Index", "RunRetention"]);
        var staticFolders = System.IO.Directory.GetDirectories(Path.Combine(Functions, "Maca.Functions", "wwwroot")).Select(Path.GetFileName).OfType<string>();

        Assert.Empty(mapped.Concat(staticFolders).Where(segment => !proxied.Contains(segment)).Order());
        Assert.DoesNotContain(HttpFunctions(), f => f.Route.StartsWith("RunRetention", StringComparison.OrdinalIgnoreCase) || f.Route.StartsWith("{"));
    }
}

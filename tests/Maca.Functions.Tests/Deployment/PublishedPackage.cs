using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Maca.Testing;

namespace Maca.Functions.Tests.Deployment;

/// <summary>What ./maca publish built, read as the Functions host reads it.</summary>
public static class PublishedPackage
{
    public static string Folder => AppProcess.PackageFolder;
    public static string Zip => Path.Combine(RepoPaths.Root, ".maca", "maca-package.zip");

    public static JsonNode HostJson => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "host.json")))!;

    /// <summary>The function folders: every folder holding a function.json.</summary>
    public static IReadOnlyList<string> FunctionFolders(string root) => System.IO.Directory.GetDirectories(root)
        .Where(d => File.Exists(Path.Combine(d, "function.json"))).Select(Path.GetFileName).OfType<string>().Order().ToList();

    /// <summary>Each HTTP function's route as the host matches it (route prefix from host.json, then the template).</summary>
    public static IReadOnlyList<Regex> HttpRoutes()
    {
        var prefix = HostJson["extensions"]?["http"]?["routePrefix"]?.GetValue<string>() ?? "api";
        return FunctionFolders(Folder)
            .SelectMany(f => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, f, "function.json")))!["bindings"]!.AsArray())
            .Where(b => b!["type"]!.GetValue<string>() == "httpTrigger")
            .Select(b => Template(string.Join('/', new[] { prefix, b!["route"]!.GetValue<string>() }.Where(p => p.Length > 0))))
            .ToList();
    }

    private static Regex Template(string route) => new("^/" + string.Join('/', route.Split('/').Select(segment => segment switch
    {
        _ when segment.StartsWith("{*", StringComparison.Ordinal) => ".*",
        _ when segment.StartsWith('{') => "[^/]+",
        _ => Regex.Escape(segment),
    })) + "$", RegexOptions.IgnoreCase);
}

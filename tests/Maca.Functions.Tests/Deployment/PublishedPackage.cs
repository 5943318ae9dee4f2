using System.Text.Json.Nodes;
using Maca.Testing;

namespace Maca.Functions.Tests.Deployment;

/// <summary>What ./maca publish built for the Functions host, read as the host reads it.</summary>
public static class PublishedPackage
{
    public static string Folder => Path.Combine(RepoPaths.Root, ".maca", "package");
    public static string Zip => Path.Combine(RepoPaths.Root, ".maca", "maca-package.zip");

    public static JsonNode Json(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))!;

    public sealed record Binding(string Type, string? Direction, JsonNode Json);

    /// <summary>functions.metadata: each function the worker declares, with its bindings.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Binding>> Functions() =>
        Json("functions.metadata").AsArray().ToDictionary(f => f!["name"]!.GetValue<string>(),
            f => (IReadOnlyList<Binding>)f!["bindings"]!.AsArray()
                .Select(b => new Binding(b!["type"]!.GetValue<string>(), b["direction"]?.GetValue<string>(), b))
                .ToList());
}

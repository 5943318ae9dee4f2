using System.Text.Json;
using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Cycles;

/// <summary>
/// The commands that can be raised on a cycle over HTTP, by name: POST /api/cycles/{id}/raiseEvent/SubmitAuditTool.
/// StartCycle has its own endpoint and Tick belongs to the clock, so neither is listed.
/// </summary>
public static class CommandCatalog
{
    public static readonly IReadOnlyDictionary<string, Type> ByName = typeof(CycleCommand).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(CycleCommand)) && !t.IsAbstract && t != typeof(StartCycle) && t != typeof(Tick))
        .ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the body as the named command; throws JsonException (a 400) when it does not fit.</summary>
    public static CycleCommand? Read(string name, string? body)
    {
        if (!ByName.TryGetValue(name, out var type)) return null;
        return (CycleCommand)(JsonSerializer.Deserialize(string.IsNullOrWhiteSpace(body) ? "{}" : body, type, CycleJson.Input)
            ?? throw new JsonException("The request body is empty."));
    }
}

using System.Text.Json;
using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Cycles;

/// <summary>
/// The commands that can be raised on a cycle over HTTP, by name: POST /api/cycles/{id}/raiseEvent/SubmitAuditTool.
/// StartCycle has its own endpoint, Tick belongs to the clock, and documents are attached and their downloads
/// recorded only by the documents endpoints, so none of those is listed.
/// </summary>
public static class CommandCatalog
{
    private static readonly Type[] NotRaisable =
        [typeof(StartCycle), typeof(Tick), typeof(AttachDocument), typeof(RecordDocumentDownload), typeof(StoreSummaryVersion)];

    public static readonly IReadOnlyDictionary<string, Type> ByName = typeof(CycleCommand).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(CycleCommand)) && !t.IsAbstract && !NotRaisable.Contains(t))
        .ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the body as the named command; throws JsonException (a 400) when it does not fit.</summary>
    public static CycleCommand? Read(string name, string? body)
    {
        if (!ByName.TryGetValue(name, out var type)) return null;
        return (CycleCommand)(JsonSerializer.Deserialize(string.IsNullOrWhiteSpace(body) ? "{}" : body, type, CycleJson.Input)
            ?? throw new JsonException("The request body is empty."));
    }
}

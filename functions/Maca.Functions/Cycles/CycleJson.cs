using System.Text.Json;
using System.Text.Json.Serialization;

namespace Maca.Functions.Cycles;

/// <summary>One JSON shape for events, snapshots and command bodies: camelCase, enums as words, strict about required fields.</summary>
public static class CycleJson
{
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>For what arrives over HTTP: the same shape, and a field the command does not have is refused, never dropped.</summary>
    public static readonly JsonSerializerOptions Input = Create(JsonUnmappedMemberHandling.Disallow);

    public static JsonSerializerOptions Create(JsonUnmappedMemberHandling unmapped = JsonUnmappedMemberHandling.Skip)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = unmapped,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}

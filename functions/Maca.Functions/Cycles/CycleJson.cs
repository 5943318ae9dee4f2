using System.Text.Json;
using System.Text.Json.Serialization;

namespace Maca.Functions.Cycles;

/// <summary>One JSON shape for events, snapshots and command bodies: camelCase, enums as words, strict about required fields.</summary>
public static class CycleJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}

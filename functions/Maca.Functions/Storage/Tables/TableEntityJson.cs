using System.Globalization;
using System.Text.Json;

namespace Maca.Functions.Storage.Tables;

/// <summary>The OData JSON form of an entity, with type annotations for values JSON cannot carry by itself.</summary>
internal static class TableEntityJson
{
    public static byte[] Serialize(TableEntity entity)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("PartitionKey", entity.PartitionKey);
            writer.WriteString("RowKey", entity.RowKey);
            foreach (var (name, value) in entity.Properties)
                WriteProperty(writer, name, value);
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null: break; // the Table service has no null: absent means null
            case string s: writer.WriteString(name, s); break;
            case int i: writer.WriteNumber(name, i); break;
            case bool b: writer.WriteBoolean(name, b); break;
            case long l: Annotated(writer, name, "Edm.Int64", l.ToString(CultureInfo.InvariantCulture)); break;
            case double d: writer.WriteString(name + "@odata.type", "Edm.Double"); writer.WriteNumber(name, d); break;
            case DateTimeOffset t: Annotated(writer, name, "Edm.DateTime", t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture)); break;
            case DateTime t: Annotated(writer, name, "Edm.DateTime", t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture)); break;
            case Guid g: Annotated(writer, name, "Edm.Guid", g.ToString()); break;
            case byte[] bytes: Annotated(writer, name, "Edm.Binary", Convert.ToBase64String(bytes)); break;
            default: throw new ArgumentException($"Property '{name}' has type {value.GetType().Name}, which Table Storage cannot hold.");
        }
    }

    private static void Annotated(Utf8JsonWriter writer, string name, string type, string value)
    {
        writer.WriteString(name + "@odata.type", type);
        writer.WriteString(name, value);
    }

    public static TableEntity Deserialize(JsonElement json)
    {
        var entity = new TableEntity(json.GetProperty("PartitionKey").GetString()!, json.GetProperty("RowKey").GetString()!);
        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            if (name is "PartitionKey" or "RowKey" || name.Contains('@') || name.StartsWith("odata.", StringComparison.Ordinal))
            {
                if (name == "odata.etag") entity.ETag = property.Value.GetString();
                continue;
            }
            var type = json.TryGetProperty(name + "@odata.type", out var t) ? t.GetString() : null;
            if (name == "Timestamp") { entity.Timestamp = DateTimeOffset.Parse(property.Value.GetString()!, CultureInfo.InvariantCulture); continue; }
            entity[name] = ReadValue(property.Value, type);
        }
        return entity;
    }

    private static object? ReadValue(JsonElement value, string? type) => type switch
    {
        "Edm.Int64" => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        "Edm.Double" => value.ValueKind == JsonValueKind.String ? double.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetDouble(),
        "Edm.DateTime" => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        "Edm.Guid" => Guid.Parse(value.GetString()!),
        "Edm.Binary" => Convert.FromBase64String(value.GetString()!),
        _ => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out var i) => i,
            JsonValueKind.Number => value.GetDouble(),
            _ => null,
        },
    };
}

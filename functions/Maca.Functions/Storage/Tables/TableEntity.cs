namespace Maca.Functions.Storage.Tables;

/// <summary>
/// One Table Storage entity: keys, ETag and typed properties.
/// Supported property types: string, int, long, double, bool, DateTimeOffset, Guid and byte[].
/// </summary>
public sealed class TableEntity(string partitionKey, string rowKey)
{
    public string PartitionKey { get; } = partitionKey;
    public string RowKey { get; } = rowKey;
    public string? ETag { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public Dictionary<string, object?> Properties { get; } = new(StringComparer.Ordinal);

    public object? this[string name]
    {
        get => Properties.GetValueOrDefault(name);
        set => Properties[name] = value;
    }

    public string? GetString(string name) => this[name] as string;
    public long? GetInt64(string name) => this[name] switch { long l => l, int i => i, _ => null };
    public int? GetInt32(string name) => this[name] switch { int i => i, long l => checked((int)l), _ => null };
    public bool? GetBoolean(string name) => this[name] as bool?;
    public DateTimeOffset? GetDateTimeOffset(string name) => this[name] as DateTimeOffset?;
    public byte[]? GetBinary(string name) => this[name] as byte[];
}

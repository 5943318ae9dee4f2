using System.Text;

namespace Maca.Functions.Storage.Tables;

/// <summary>
/// The Table service limits, checked before a request is sent so a value is never silently cut:
/// 64 KiB per string or binary property, 1 MiB per entity, 252 custom properties.
/// </summary>
public static class EntitySizeLimits
{
    public const int MaxPropertyBytes = 64 * 1024;
    public const int MaxStringChars = MaxPropertyBytes / 2; // strings are counted as UTF-16
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxProperties = 252;

    public static void Validate(TableEntity entity)
    {
        ValidateKey("PartitionKey", entity.PartitionKey);
        ValidateKey("RowKey", entity.RowKey);
        if (entity.Properties.Count > MaxProperties)
            throw new EntityTooLargeException(
                $"Entity {entity.PartitionKey}/{entity.RowKey} has {entity.Properties.Count} properties; the limit is {MaxProperties}.");
        foreach (var (name, value) in entity.Properties)
        {
            var bytes = value switch { string s => s.Length * 2, byte[] b => b.Length, _ => 0 };
            if (bytes > MaxPropertyBytes)
                throw new EntityTooLargeException(
                    $"Property '{name}' of entity {entity.PartitionKey}/{entity.RowKey} is {bytes} bytes; the limit is {MaxPropertyBytes}. " +
                    "Split it with LargeProperty or store it in a blob.");
        }
        var size = EstimateSize(entity);
        if (size > MaxEntityBytes)
            throw new EntityTooLargeException(
                $"Entity {entity.PartitionKey}/{entity.RowKey} is about {size} bytes; the limit is {MaxEntityBytes}. Store the large part in a blob.");
    }

    /// <summary>Keys may not hold / \\ # ? or control characters, and are at most 1 KiB.</summary>
    public static void ValidateKey(string which, string key)
    {
        if (key.Length * 2 > 1024)
            throw new ArgumentException($"{which} '{key[..20]}…' is longer than the 1 KiB the Table service allows.");
        if (key.IndexOfAny(['/', '\\', '#', '?']) >= 0 || key.Any(char.IsControl))
            throw new ArgumentException($"{which} '{key}' holds a character the Table service forbids (/ \\ # ? or a control character).");
    }

    /// <summary>The service's own size formula: keys, and per property its name and value.</summary>
    public static long EstimateSize(TableEntity entity)
    {
        long size = 4 + (entity.PartitionKey.Length + entity.RowKey.Length) * 2L;
        foreach (var (name, value) in entity.Properties)
            size += 8 + name.Length * 2L + value switch
            {
                string s => 4 + s.Length * 2L,
                byte[] b => 4 + b.Length,
                bool => 1,
                int => 4,
                Guid => 16,
                _ => 8,
            };
        return size;
    }
}

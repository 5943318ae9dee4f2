using Azure.Data.Tables;

namespace Maca.Functions.Storage.Tables;

/// <summary>
/// The Table service rules that the SDK does not check, and Azurite does not enforce, checked before anything is
/// sent so a value is never cut or a partial write left behind: key characters, 64 KiB per property, 1 MiB and 252
/// properties per entity, and at most 100 operations in one partition per transaction.
/// </summary>
public static class TableRules
{
    public const int MaxPropertyBytes = 64 * 1024;
    public const int MaxStringChars = MaxPropertyBytes / 2; // strings are counted as UTF-16
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxProperties = 252;
    public const int MaxTransactionOperations = 100;

    public static void ValidateEntity(ITableEntity entity)
    {
        ValidateKey("PartitionKey", entity.PartitionKey);
        ValidateKey("RowKey", entity.RowKey);
        if (entity is not TableEntity row) return;
        var properties = CustomProperties(row).ToList();
        if (properties.Count > MaxProperties)
            throw new EntityTooLargeException(
                $"Entity {row.PartitionKey}/{row.RowKey} has {properties.Count} properties; the limit is {MaxProperties}.");
        foreach (var (name, value) in properties)
        {
            var bytes = value switch { string s => s.Length * 2, byte[] b => b.Length, _ => 0 };
            if (bytes > MaxPropertyBytes)
                throw new EntityTooLargeException(
                    $"Property '{name}' of entity {row.PartitionKey}/{row.RowKey} is {bytes} bytes; the limit is {MaxPropertyBytes}. " +
                    "Split it with LargeProperty or store it in a blob.");
        }
        var size = EstimateSize(row);
        if (size > MaxEntityBytes)
            throw new EntityTooLargeException(
                $"Entity {row.PartitionKey}/{row.RowKey} is about {size} bytes; the limit is {MaxEntityBytes}. " +
                "Store the large part in a blob.");
    }

    /// <summary>Keys may not hold / \\ # ? or control characters, and are at most 1 KiB.</summary>
    public static void ValidateKey(string which, string key)
    {
        if (key.Length * 2 > 1024)
            throw new ArgumentException($"{which} '{key[..20]}…' is longer than the 1 KiB the Table service allows.");
        if (key.IndexOfAny(['/', '\\', '#', '?']) >= 0 || key.Any(char.IsControl))
            throw new ArgumentException($"{which} '{key}' holds a character the Table service forbids (/ \\ # ? or a control character).");
    }

    /// <summary>One partition, at most 100 operations, each row once, and every entity within the limits.</summary>
    public static void ValidateTransaction(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count == 0) throw new ArgumentException("A transaction needs at least one operation.");
        if (actions.Count > MaxTransactionOperations)
            throw new TransactionTooLargeException(
                $"A transaction holds at most {MaxTransactionOperations} operations; this one has {actions.Count}.");
        var partition = actions[0].Entity.PartitionKey;
        if (actions.Any(a => a.Entity.PartitionKey != partition))
            throw new ArgumentException("Every operation in a transaction must share one PartitionKey.");
        var duplicate = actions.GroupBy(a => a.Entity.RowKey).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"RowKey '{duplicate.Key}' appears more than once in the transaction.");
        foreach (var action in actions) ValidateEntity(action.Entity);
    }

    /// <summary>The service's own size formula: keys, and per property its name and value.</summary>
    public static long EstimateSize(TableEntity entity)
    {
        long size = 4 + (entity.PartitionKey.Length + entity.RowKey.Length) * 2L;
        foreach (var (name, value) in CustomProperties(entity))
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

    /// <summary>The SDK's entity keeps the keys, ETag and Timestamp in the same dictionary as the properties.</summary>
    private static IEnumerable<KeyValuePair<string, object>> CustomProperties(TableEntity entity) =>
        entity.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp"));
}

/// <summary>A value or entity over the Table service limits, caught before it is sent.</summary>
public sealed class EntityTooLargeException(string message) : Exception(message);

/// <summary>More rows than one entity-group transaction may hold, caught before it is sent.</summary>
public sealed class TransactionTooLargeException(string message) : Exception(message);

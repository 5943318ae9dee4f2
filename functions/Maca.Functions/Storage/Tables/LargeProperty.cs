using System.Text;
using Azure.Data.Tables;

namespace Maca.Functions.Storage.Tables;

/// <summary>
/// Stores a string longer than one property allows across numbered properties (Name_0, Name_1, …)
/// plus a count, and reads it back whole. The entity limit of 1 MiB still applies; beyond that, use a blob.
/// </summary>
public static class LargeProperty
{
    public static void Write(TableEntity entity, string name, string value)
    {
        foreach (var stale in entity.Keys.Where(k => k.StartsWith(name + "_", StringComparison.Ordinal)).ToList())
            entity.Remove(stale);
        int offset = 0, chunks = 0;
        while (offset < value.Length)
        {
            var length = Math.Min(TableRules.MaxStringChars, value.Length - offset);
            // Never split a surrogate pair across two properties.
            if (offset + length < value.Length && char.IsHighSurrogate(value[offset + length - 1])) length--;
            entity[$"{name}_{chunks++}"] = value.Substring(offset, length);
            offset += length;
        }
        entity[$"{name}_Count"] = chunks;
    }

    public static string? Read(TableEntity entity, string name)
    {
        if (entity.GetInt32($"{name}_Count") is not { } count) return null;
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
            builder.Append(entity.GetString($"{name}_{i}")
                ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} is missing part {i} of '{name}'."));
        return builder.ToString();
    }
}

using Azure.Data.Tables;

namespace Maca.Functions.Cycles;

/// <summary>
/// Row keys inside a cycle's partition of the Cycles table. Keeping every row of a cycle in one partition
/// is what lets a command's events, snapshot, outbox emails and request record commit in one transaction.
/// </summary>
public static class CycleTable
{
    public const string Name = "Cycles";
    public const string Snapshot = "snapshot";
    public const string EventPrefix = "event-";
    public const string OutboxPrefix = "outbox-";
    public const string RequestPrefix = "request-";

    public static string EventRow(int version) => $"{EventPrefix}{version:D8}";
    public static string OutboxRow(int version) => $"{OutboxPrefix}{version:D8}";
    public static string RequestRow(string idempotencyKey) =>
        RequestPrefix + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(idempotencyKey)))[..32];

    /// <summary>A filter for all rows of one partition whose key starts with a prefix, with every value escaped.</summary>
    public static string RowsStartingWith(string partitionKey, string prefix)
    {
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        return TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {prefix} and RowKey lt {upper}");
    }
}

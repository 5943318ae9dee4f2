using Azure.Data.Tables;

namespace Maca.Functions.Cycles;

/// <summary>
/// Row keys inside a cycle's partition of the Cycles table. Keeping every row of a cycle in one partition
/// is what lets a decision's events, snapshot, emails and request record commit in one transaction.
/// </summary>
public static class CycleTable
{
    public const string Name = "Cycles";
    public const string Snapshot = "snapshot";
    public const string EventPrefix = "event-";
    public const string EmailPrefix = "email-";
    public const string RequestPrefix = "request-";
    public const string RefusalPrefix = "refusal-";

    public static string EventRow(int version) => $"{EventPrefix}{version:D8}";
    public static string EmailRow(int version) => $"{EmailPrefix}{version:D8}";
    /// <summary>One per request: the activity that records a refusal may run twice.</summary>
    public static string RefusalRow(string requestId) => RefusalPrefix + requestId;
    public static string RequestRow(string idempotencyKey) => RequestPrefix + KeyHash(idempotencyKey);

    /// <summary>An Idempotency-Key as it is kept: hashed, so any key fits a row key and none is stored as sent.</summary>
    public static string KeyHash(string idempotencyKey) => Convert.ToHexStringLower(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(idempotencyKey)))[..32];

    /// <summary>A filter for all rows of one partition whose key starts with a prefix, with every value escaped.</summary>
    public static string RowsStartingWith(string partitionKey, string prefix)
    {
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        return TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {prefix} and RowKey lt {upper}");
    }
}

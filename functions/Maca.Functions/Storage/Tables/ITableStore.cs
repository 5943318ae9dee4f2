namespace Maca.Functions.Storage.Tables;

/// <summary>One table: the record operations the app needs, each either wholly applied or refused.</summary>
public interface ITableStore
{
    string Name { get; }
    Task CreateIfNotExistsAsync(CancellationToken ct = default);

    /// <summary>Inserts; throws <see cref="StorageConflictException"/> if the entity exists. Returns the new ETag.</summary>
    Task<string> InsertAsync(TableEntity entity, CancellationToken ct = default);
    Task<string> UpsertAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken ct = default);

    /// <summary>Updates only if the stored ETag matches; throws <see cref="StoragePreconditionFailedException"/> otherwise.</summary>
    Task<string> UpdateAsync(TableEntity entity, string ifMatch, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken ct = default);
    Task DeleteAsync(string partitionKey, string rowKey, string ifMatch = "*", CancellationToken ct = default);

    /// <summary>A point read; null when there is no such entity.</summary>
    Task<TableEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken ct = default);

    /// <summary>Every match, following continuation tokens page by page.</summary>
    IAsyncEnumerable<TableEntity> QueryAsync(TableQuery query, CancellationToken ct = default);
    Task<TablePage> QueryPageAsync(TableQuery query, TableContinuation? continuation = null, CancellationToken ct = default);

    /// <summary>An entity-group transaction: up to 100 operations in one partition, all applied or none.</summary>
    Task<IReadOnlyList<string?>> SubmitTransactionAsync(IReadOnlyList<TableOperation> operations, CancellationToken ct = default);
}

public enum TableUpdateMode { Replace, Merge }

public sealed record TableQuery(string? Filter = null, IReadOnlyList<string>? Select = null, int? Top = null);

public sealed record TableContinuation(string NextPartitionKey, string? NextRowKey);

public sealed record TablePage(IReadOnlyList<TableEntity> Entities, TableContinuation? Continuation);

public enum TableOperationKind { Insert, UpsertReplace, UpsertMerge, UpdateReplace, UpdateMerge, Delete }

/// <summary>One operation of a transaction. Update and Delete need an ETag ("*" matches any).</summary>
public sealed record TableOperation(TableOperationKind Kind, TableEntity Entity, string? IfMatch = null)
{
    public static TableOperation Insert(TableEntity e) => new(TableOperationKind.Insert, e);
    public static TableOperation Upsert(TableEntity e, TableUpdateMode mode = TableUpdateMode.Replace) =>
        new(mode == TableUpdateMode.Replace ? TableOperationKind.UpsertReplace : TableOperationKind.UpsertMerge, e);
    public static TableOperation Update(TableEntity e, string ifMatch, TableUpdateMode mode = TableUpdateMode.Replace) =>
        new(mode == TableUpdateMode.Replace ? TableOperationKind.UpdateReplace : TableOperationKind.UpdateMerge, e, ifMatch);
    public static TableOperation Delete(string partitionKey, string rowKey, string ifMatch = "*") =>
        new(TableOperationKind.Delete, new TableEntity(partitionKey, rowKey), ifMatch);
}

/// <summary>An OData filter literal, quoted and escaped, so values never break out of a filter.</summary>
public static class TableFilter
{
    public static string Quote(string value) => "'" + value.Replace("'", "''") + "'";
    public static string PartitionEquals(string partitionKey) => $"PartitionKey eq {Quote(partitionKey)}";
}

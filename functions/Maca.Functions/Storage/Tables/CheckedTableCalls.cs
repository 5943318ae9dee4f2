using Azure;
using Azure.Data.Tables;

namespace Maca.Functions.Storage.Tables;

/// <summary>
/// The table calls the app makes, each checked against <see cref="TableRules"/> before it is sent.
/// Owners of a row type call these instead of the raw <see cref="TableClient"/> methods.
/// </summary>
public static class CheckedTableCalls
{
    /// <summary>A point read; null when there is no such entity.</summary>
    public static async Task<TableEntity?> GetOrNullAsync(this TableClient table, string partitionKey, string rowKey,
        CancellationToken ct, IEnumerable<string>? select = null)
    {
        TableRules.ValidateKey("PartitionKey", partitionKey);
        TableRules.ValidateKey("RowKey", rowKey);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, ct);
        return found.HasValue ? found.Value : null;
    }

    public static Task<Response> UpsertCheckedAsync(this TableClient table, TableEntity entity, CancellationToken ct,
        TableUpdateMode mode = TableUpdateMode.Replace)
    {
        TableRules.ValidateEntity(entity);
        return table.UpsertEntityAsync(entity, mode, ct);
    }

    /// <summary>Replaces the entity only if it still has <paramref name="ifMatch"/>; a 412 otherwise.</summary>
    public static Task<Response> UpdateCheckedAsync(this TableClient table, TableEntity entity, ETag ifMatch, CancellationToken ct)
    {
        TableRules.ValidateEntity(entity);
        return table.UpdateEntityAsync(entity, ifMatch, TableUpdateMode.Replace, ct);
    }

    /// <summary>An entity-group transaction, all applied or none; a failure names its operation in FailedTransactionActionIndex.</summary>
    public static Task<Response<IReadOnlyList<Response>>> SubmitCheckedAsync(this TableClient table,
        IReadOnlyList<TableTransactionAction> actions, CancellationToken ct)
    {
        TableRules.ValidateTransaction(actions);
        return table.SubmitTransactionAsync(actions, ct);
    }

    /// <summary>Deletes if present. The SDK answers a missing entity with 404 without throwing, which is what we want.</summary>
    public static Task<Response> DeleteIfPresentAsync(this TableClient table, string partitionKey, string rowKey, CancellationToken ct)
    {
        TableRules.ValidateKey("PartitionKey", partitionKey);
        TableRules.ValidateKey("RowKey", rowKey);
        return table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, ct);
    }
}

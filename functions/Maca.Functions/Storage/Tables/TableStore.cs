using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace Maca.Functions.Storage.Tables;

/// <summary>The Table service REST API for one table, on the shared storage pipeline.</summary>
public sealed class TableStore(StoragePipeline pipeline, string name) : ITableStore
{
    internal const string JsonAccept = "application/json;odata=minimalmetadata";
    private static readonly RequestMethod Merge = new("MERGE");
    private readonly Uri _endpoint = pipeline.Connection.TableEndpoint;

    public string Name { get; } = name;

    public async Task CreateIfNotExistsAsync(CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Post, $"{_endpoint}/Tables");
        message.Request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(new { TableName = Name }));
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        try { await pipeline.SendAsync(StorageService.Table, message, ct); }
        catch (StorageConflictException) { /* already there */ }
    }

    public async Task<string> InsertAsync(TableEntity entity, CancellationToken ct = default)
    {
        EntitySizeLimits.Validate(entity);
        using var message = Create(RequestMethod.Post, $"{_endpoint}/{Name}");
        WithBody(message, entity);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        return ETagOf(await pipeline.SendAsync(StorageService.Table, message, ct));
    }

    public Task<string> UpsertAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken ct = default) =>
        WriteAsync(entity, mode, ifMatch: null, ct);

    public Task<string> UpdateAsync(TableEntity entity, string ifMatch, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken ct = default) =>
        WriteAsync(entity, mode, ifMatch ?? throw new ArgumentNullException(nameof(ifMatch)), ct);

    private async Task<string> WriteAsync(TableEntity entity, TableUpdateMode mode, string? ifMatch, CancellationToken ct)
    {
        EntitySizeLimits.Validate(entity);
        using var message = Create(mode == TableUpdateMode.Replace ? RequestMethod.Put : Merge, EntityUri(entity.PartitionKey, entity.RowKey));
        WithBody(message, entity);
        if (ifMatch is not null) message.Request.Headers.SetValue("If-Match", ifMatch);
        return ETagOf(await pipeline.SendAsync(StorageService.Table, message, ct));
    }

    public async Task DeleteAsync(string partitionKey, string rowKey, string ifMatch = "*", CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Delete, EntityUri(partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", ifMatch);
        await pipeline.SendAsync(StorageService.Table, message, ct);
    }

    public async Task<TableEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Get, EntityUri(partitionKey, rowKey));
        try
        {
            var response = await pipeline.SendAsync(StorageService.Table, message, ct);
            using var json = await JsonDocument.ParseAsync(response.ContentStream!, cancellationToken: ct);
            var entity = TableEntityJson.Deserialize(json.RootElement);
            entity.ETag ??= ETagOf(response);
            return entity;
        }
        catch (StorageNotFoundException) { return null; }
    }

    public async IAsyncEnumerable<TableEntity> QueryAsync(TableQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        TableContinuation? continuation = null;
        do
        {
            var page = await QueryPageAsync(query, continuation, ct);
            foreach (var entity in page.Entities) yield return entity;
            continuation = page.Continuation;
        } while (continuation is not null);
    }

    public async Task<TablePage> QueryPageAsync(TableQuery query, TableContinuation? continuation = null, CancellationToken ct = default)
    {
        var parameters = new List<string>();
        if (query.Filter is not null) parameters.Add("$filter=" + Uri.EscapeDataString(query.Filter));
        if (query.Select is { Count: > 0 })
            parameters.Add("$select=" + Uri.EscapeDataString(string.Join(',', query.Select.Union(["PartitionKey", "RowKey"]))));
        if (query.Top is not null) parameters.Add("$top=" + query.Top);
        if (continuation is not null)
        {
            parameters.Add("NextPartitionKey=" + Uri.EscapeDataString(continuation.NextPartitionKey));
            if (continuation.NextRowKey is not null) parameters.Add("NextRowKey=" + Uri.EscapeDataString(continuation.NextRowKey));
        }
        var uri = $"{_endpoint}/{Name}()" + (parameters.Count > 0 ? "?" + string.Join('&', parameters) : "");
        using var message = Create(RequestMethod.Get, uri);
        var response = await pipeline.SendAsync(StorageService.Table, message, ct);
        using var json = await JsonDocument.ParseAsync(response.ContentStream!, cancellationToken: ct);
        var entities = json.RootElement.GetProperty("value").EnumerateArray().Select(TableEntityJson.Deserialize).ToList();
        var next = response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var npk)
            ? new TableContinuation(npk, response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nrk) ? nrk : null)
            : null;
        return new TablePage(entities, next);
    }

    public Task<IReadOnlyList<string?>> SubmitTransactionAsync(IReadOnlyList<TableOperation> operations, CancellationToken ct = default) =>
        new TableTransaction(pipeline, _endpoint, Name).SubmitAsync(operations, ct);

    private string EntityUri(string partitionKey, string rowKey) => EntityUri(_endpoint, Name, partitionKey, rowKey);

    internal static string EntityUri(Uri endpoint, string table, string partitionKey, string rowKey)
    {
        EntitySizeLimits.ValidateKey("PartitionKey", partitionKey);
        EntitySizeLimits.ValidateKey("RowKey", rowKey);
        return $"{endpoint}/{table}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";
    }

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''"));

    private HttpMessage Create(RequestMethod method, string uri)
    {
        var message = pipeline.CreateMessage(StorageService.Table, method, new Uri(uri));
        message.Request.Headers.SetValue("Accept", JsonAccept);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        return message;
    }

    private static void WithBody(HttpMessage message, TableEntity entity)
    {
        message.Request.Content = RequestContent.Create(TableEntityJson.Serialize(entity));
        message.Request.Headers.SetValue("Content-Type", "application/json");
    }

    private static string ETagOf(Response response) =>
        response.Headers.TryGetValue("ETag", out var etag) ? etag : "";
}

using System.Text;
using System.Text.RegularExpressions;
using Azure.Core;

namespace Maca.Functions.Storage.Tables;

/// <summary>
/// An entity-group transaction sent as one OData $batch with a single changeset.
/// The service applies every operation or none; on failure we report which operation broke and why.
/// </summary>
internal sealed partial class TableTransaction(StoragePipeline pipeline, Uri endpoint, string table)
{
    public const int MaxOperations = 100;
    private const int MaxPayloadBytes = 4 * 1024 * 1024;

    public async Task<IReadOnlyList<string?>> SubmitAsync(IReadOnlyList<TableOperation> operations, CancellationToken ct)
    {
        Validate(operations);
        var batchBoundary = "batch_" + Guid.NewGuid().ToString("N");
        var body = Encode(operations, batchBoundary);
        if (body.Length > MaxPayloadBytes)
            throw new EntityTooLargeException($"The transaction is {body.Length} bytes; the limit is {MaxPayloadBytes}.");

        using var message = pipeline.CreateMessage(StorageService.Table, RequestMethod.Post, new Uri($"{endpoint}/$batch"));
        message.Request.Headers.SetValue("Content-Type", $"multipart/mixed; boundary={batchBoundary}");
        message.Request.Headers.SetValue("Accept", TableStore.JsonAccept);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        message.Request.Content = RequestContent.Create(body);
        var response = await pipeline.SendAsync(StorageService.Table, message, ct);
        var text = response.Content.ToString();
        return Interpret(BatchResponseParser.Parse(text), operations);
    }

    private static void Validate(IReadOnlyList<TableOperation> operations)
    {
        if (operations.Count == 0) throw new ArgumentException("A transaction needs at least one operation.");
        if (operations.Count > MaxOperations)
            throw new ArgumentException($"A transaction holds at most {MaxOperations} operations; this one has {operations.Count}.");
        var partition = operations[0].Entity.PartitionKey;
        if (operations.Any(o => o.Entity.PartitionKey != partition))
            throw new ArgumentException("Every operation in a transaction must share one PartitionKey.");
        var duplicate = operations.GroupBy(o => o.Entity.RowKey).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"RowKey '{duplicate.Key}' appears more than once in the transaction.");
        foreach (var operation in operations.Where(o => o.Kind != TableOperationKind.Delete))
            EntitySizeLimits.Validate(operation.Entity);
    }

    private byte[] Encode(IReadOnlyList<TableOperation> operations, string batchBoundary)
    {
        var changeset = "changeset_" + Guid.NewGuid().ToString("N");
        var builder = new StringBuilder()
            .Append($"--{batchBoundary}\r\nContent-Type: multipart/mixed; boundary={changeset}\r\n\r\n");
        for (var i = 0; i < operations.Count; i++)
        {
            var (kind, entity, ifMatch) = operations[i];
            var (method, uri) = kind switch
            {
                TableOperationKind.Insert => ("POST", $"{endpoint}/{table}"),
                TableOperationKind.UpsertReplace or TableOperationKind.UpdateReplace => ("PUT", TableStore.EntityUri(endpoint, table, entity.PartitionKey, entity.RowKey)),
                TableOperationKind.UpsertMerge or TableOperationKind.UpdateMerge => ("MERGE", TableStore.EntityUri(endpoint, table, entity.PartitionKey, entity.RowKey)),
                _ => ("DELETE", TableStore.EntityUri(endpoint, table, entity.PartitionKey, entity.RowKey)),
            };
            builder.Append($"--{changeset}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
                .Append($"{method} {uri} HTTP/1.1\r\n")
                .Append($"Content-ID: {i}\r\n")
                .Append($"Accept: {TableStore.JsonAccept}\r\n")
                .Append("DataServiceVersion: 3.0\r\n");
            if (ifMatch is not null) builder.Append($"If-Match: {ifMatch}\r\n");
            if (kind == TableOperationKind.Delete) { builder.Append("\r\n"); continue; }
            if (kind == TableOperationKind.Insert) builder.Append("Prefer: return-no-content\r\n");
            builder.Append("Content-Type: application/json\r\n\r\n")
                .Append(Encoding.UTF8.GetString(TableEntityJson.Serialize(entity))).Append("\r\n");
        }
        builder.Append($"--{changeset}--\r\n--{batchBoundary}--\r\n");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static IReadOnlyList<string?> Interpret(IReadOnlyList<BatchResponseParser.Part> parts, IReadOnlyList<TableOperation> operations)
    {
        var failed = parts.Select((p, i) => (Part: p, Index: i)).FirstOrDefault(x => x.Part.Status >= 300);
        if (failed.Part is null && parts.Count == operations.Count)
            return parts.Select(p => p.Headers.GetValueOrDefault("ETag")).ToList();
        if (failed.Part is null)
            throw new StorageRequestFailedException(500, null,
                $"The transaction answer had {parts.Count} parts for {operations.Count} operations.");

        var (code, text) = StoragePipeline.ParseError(failed.Part.Body);
        // The service prefixes its message with the failing operation's index, "2:The specified…".
        var match = text is null ? null : IndexPrefix().Match(text);
        var index = match is { Success: true } ? int.Parse(match.Groups[1].Value)
            : failed.Part.ContentId ?? (parts.Count == operations.Count ? failed.Index : (int?)null);
        var reason = match is { Success: true } ? text![match.Length..] : text;
        var which = index is { } n && n < operations.Count
            ? $"operation {n} ({operations[n].Kind} {operations[n].Entity.PartitionKey}/{operations[n].Entity.RowKey})"
            : "an operation";
        throw StorageErrors.From(failed.Part.Status, code,
            $"The transaction was rolled back: {which} failed with {failed.Part.Status} {code}: {reason}", index);
    }

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefix();
}

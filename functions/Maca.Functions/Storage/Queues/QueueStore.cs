using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure.Core;

namespace Maca.Functions.Storage.Queues;

/// <summary>The Queue service REST API for one queue, on the shared storage pipeline.</summary>
public sealed class QueueStore(StoragePipeline pipeline, string name) : IQueueStore
{
    private const int MaxMessageBytes = 64 * 1024;
    private readonly string _queueUri = $"{pipeline.Connection.QueueEndpoint}/{name}";

    public string Name { get; } = name;

    public async Task CreateIfNotExistsAsync(CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Put, _queueUri);
        try { await pipeline.SendAsync(StorageService.Queue, message, ct); }
        catch (StorageConflictException) { /* exists with other metadata: still usable */ }
    }

    public async Task<QueueReceipt> SendAsync(string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken ct = default)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        if (encoded.Length > MaxMessageBytes)
            throw new ArgumentException($"A queue message holds at most {MaxMessageBytes} bytes encoded; this one is {encoded.Length}. Put the payload in a blob.");
        var query = new List<string>();
        if (visibilityDelay is { } delay) query.Add("visibilitytimeout=" + Seconds(delay));
        if (timeToLive is { } ttl) query.Add("messagettl=" + Seconds(ttl));
        using var message = Create(RequestMethod.Post, $"{_queueUri}/messages" + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        var body = new XElement("QueueMessage", new XElement("MessageText", encoded)).ToString(SaveOptions.DisableFormatting);
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(body));
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        var response = await pipeline.SendAsync(StorageService.Queue, message, ct);
        var item = XDocument.Parse(response.Content.ToString()).Root!.Element("QueueMessage")!;
        return new QueueReceipt(item.Element("MessageId")!.Value, item.Element("PopReceipt")!.Value, Date(item.Element("TimeNextVisible")));
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken ct = default)
    {
        if (maxMessages is < 1 or > 32) throw new ArgumentOutOfRangeException(nameof(maxMessages), "Between 1 and 32 messages can be received at once.");
        using var message = Create(RequestMethod.Get, $"{_queueUri}/messages?numofmessages={maxMessages}&visibilitytimeout={Seconds(visibilityTimeout)}");
        var response = await pipeline.SendAsync(StorageService.Queue, message, ct);
        return XDocument.Parse(response.Content.ToString()).Root!.Elements("QueueMessage").Select(m => new QueueMessage(
            m.Element("MessageId")!.Value,
            m.Element("PopReceipt")!.Value,
            Encoding.UTF8.GetString(Convert.FromBase64String(m.Element("MessageText")!.Value)),
            int.Parse(m.Element("DequeueCount")!.Value, CultureInfo.InvariantCulture),
            Date(m.Element("InsertionTime")),
            Date(m.Element("ExpirationTime")))).ToList();
    }

    public async Task DeleteAsync(string messageId, string popReceipt, CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Delete, $"{_queueUri}/messages/{Uri.EscapeDataString(messageId)}?popreceipt={Uri.EscapeDataString(popReceipt)}");
        await pipeline.SendAsync(StorageService.Queue, message, ct);
    }

    public async Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Put,
            $"{_queueUri}/messages/{Uri.EscapeDataString(messageId)}?popreceipt={Uri.EscapeDataString(popReceipt)}&visibilitytimeout={Seconds(visibilityTimeout)}");
        var response = await pipeline.SendAsync(StorageService.Queue, message, ct);
        return response.Headers.TryGetValue("x-ms-popreceipt", out var receipt) ? receipt
            : throw new StorageRequestFailedException(response.Status, null, "The queue did not return a new pop receipt.");
    }

    private HttpMessage Create(RequestMethod method, string uri) =>
        pipeline.CreateMessage(StorageService.Queue, method, new Uri(uri));

    private static long Seconds(TimeSpan span) => (long)Math.Ceiling(span.TotalSeconds);

    private static DateTimeOffset? Date(XElement? element) =>
        element is null ? null : DateTimeOffset.Parse(element.Value, CultureInfo.InvariantCulture);
}

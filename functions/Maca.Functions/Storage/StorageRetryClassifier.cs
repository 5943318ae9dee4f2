using Azure.Core;

namespace Maca.Functions.Storage;

/// <summary>Retries the answers that mean "try again": timeout, throttling, and the two transient server errors.</summary>
internal sealed class StorageRetryClassifier : ResponseClassifier
{
    public override bool IsRetriableResponse(HttpMessage message) =>
        message.Response.Status is 408 or 429 or 500 or 503;
}

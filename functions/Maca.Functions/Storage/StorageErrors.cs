namespace Maca.Functions.Storage;

/// <summary>A storage request the service refused. Status and error code come from the service.</summary>
public class StorageRequestFailedException(int status, string? errorCode, string message, int? failedOperationIndex = null)
    : Exception(message)
{
    public int Status { get; } = status;
    public string? ErrorCode { get; } = errorCode;

    /// <summary>For an entity-group transaction: the zero-based index of the operation that failed.</summary>
    public int? FailedOperationIndex { get; } = failedOperationIndex;
}

/// <summary>404: the entity, blob, container, queue or message does not exist.</summary>
public sealed class StorageNotFoundException(string? errorCode, string message, int? failedOperationIndex = null)
    : StorageRequestFailedException(404, errorCode, message, failedOperationIndex);

/// <summary>409: the entity or resource already exists.</summary>
public sealed class StorageConflictException(string? errorCode, string message, int? failedOperationIndex = null)
    : StorageRequestFailedException(409, errorCode, message, failedOperationIndex);

/// <summary>412: the ETag given in If-Match no longer matches; someone else wrote first.</summary>
public sealed class StoragePreconditionFailedException(string? errorCode, string message, int? failedOperationIndex = null)
    : StorageRequestFailedException(412, errorCode, message, failedOperationIndex);

/// <summary>A value or entity over the Table service limits, caught before it is sent.</summary>
public sealed class EntityTooLargeException(string message) : Exception(message);

public static class StorageErrors
{
    public static StorageRequestFailedException From(int status, string? code, string message, int? index = null) => status switch
    {
        404 => new StorageNotFoundException(code, message, index),
        409 => new StorageConflictException(code, message, index),
        412 => new StoragePreconditionFailedException(code, message, index),
        _ => new StorageRequestFailedException(status, code, message, index),
    };
}

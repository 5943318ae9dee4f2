using System.ComponentModel.DataAnnotations;

namespace Maca.Functions.Storage;

/// <summary>Bound from the "Storage" section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>"UseDevelopmentStorage=true" or a full connection string. Leave empty to use managed identity.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>With managed identity: the account name, from which the endpoints are derived.</summary>
    [RegularExpression("^[a-z0-9]{3,24}$", ErrorMessage = "Storage:AccountName must be 3 to 24 lower-case letters and digits.")]
    public string? AccountName { get; set; }

    /// <summary>Prefix for every table, container and queue, so tests and deployments can share an account.</summary>
    [RegularExpression("^[a-z0-9]*$", ErrorMessage = "Storage:NamePrefix may hold only lower-case letters and digits.")]
    public string NamePrefix { get; set; } = "";

    [Range(0, 10)] public int MaxRetries { get; set; } = 5;
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>The account's endpoint for one service, for managed identity ("table", "blob" or "queue").</summary>
    public Uri Endpoint(string service) => new($"https://{AccountName}.{service}.core.windows.net");
}

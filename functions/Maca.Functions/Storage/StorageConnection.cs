namespace Maca.Functions.Storage;

/// <summary>Where the storage account lives and how to authenticate to it.</summary>
public sealed record StorageConnection(
    string AccountName,
    Uri BlobEndpoint,
    Uri QueueEndpoint,
    Uri TableEndpoint,
    byte[]? AccountKey)
{
    // The emulator's well-known development account (public, documented by Microsoft).
    public const string DevelopmentAccountName = "devstoreaccount1";
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public bool UsesSharedKey => AccountKey is not null;

    /// <summary>Parses "UseDevelopmentStorage=true" or a full "AccountName=…;AccountKey=…" connection string.</summary>
    public static StorageConnection Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new FormatException("The storage connection string is empty.");

        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(
                kv => kv[0],
                kv => kv.Length == 2 ? kv[1] : throw new FormatException($"Connection string part '{kv[0]}' has no value."),
                StringComparer.OrdinalIgnoreCase);

        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var isDev) && isDev)
            return Development(parts.GetValueOrDefault("DevelopmentStorageProxyUri"));

        var account = parts.GetValueOrDefault("AccountName")
            ?? throw new FormatException("The storage connection string has no AccountName.");
        var key = parts.TryGetValue("AccountKey", out var k) ? DecodeKey(k) : null;
        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol") ?? "https";
        var suffix = parts.GetValueOrDefault("EndpointSuffix") ?? "core.windows.net";

        Uri Endpoint(string name, string service) =>
            parts.TryGetValue(name, out var explicitUri)
                ? new Uri(explicitUri.TrimEnd('/'))
                : new Uri($"{protocol}://{account}.{service}.{suffix}");

        return new StorageConnection(account,
            Endpoint("BlobEndpoint", "blob"), Endpoint("QueueEndpoint", "queue"), Endpoint("TableEndpoint", "table"), key);
    }

    /// <summary>The local emulator on its default ports, or on a host given as a proxy URI.</summary>
    public static StorageConnection Development(string? host = null)
    {
        var baseHost = (host ?? "http://127.0.0.1").TrimEnd('/');
        return new StorageConnection(DevelopmentAccountName,
            new Uri($"{baseHost}:10000/{DevelopmentAccountName}"),
            new Uri($"{baseHost}:10001/{DevelopmentAccountName}"),
            new Uri($"{baseHost}:10002/{DevelopmentAccountName}"),
            Convert.FromBase64String(DevelopmentAccountKey));
    }

    /// <summary>An emulator on the given ports, as tests start it.</summary>
    public static StorageConnection Emulator(int blobPort, int queuePort, int tablePort, string host = "127.0.0.1") =>
        new(DevelopmentAccountName,
            new Uri($"http://{host}:{blobPort}/{DevelopmentAccountName}"),
            new Uri($"http://{host}:{queuePort}/{DevelopmentAccountName}"),
            new Uri($"http://{host}:{tablePort}/{DevelopmentAccountName}"),
            Convert.FromBase64String(DevelopmentAccountKey));

    /// <summary>The connection string form, so child processes and tools can be pointed at the same account.</summary>
    public string ToConnectionString()
    {
        var key = AccountKey is null ? "" : $"AccountKey={Convert.ToBase64String(AccountKey)};";
        return $"AccountName={AccountName};{key}BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint}";
    }

    private static byte[] DecodeKey(string key)
    {
        try { return Convert.FromBase64String(key); }
        catch (FormatException) { throw new FormatException("The storage AccountKey is not valid base64."); }
    }
}

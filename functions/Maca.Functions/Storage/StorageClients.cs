using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Storage;

/// <summary>
/// Registers the official Table, Blob and Queue service clients once: from Storage:ConnectionString (Azurite,
/// or an account key), or from Storage:AccountName with managed identity. Retries come from <see cref="StorageOptions"/>;
/// every call is counted once. A second set named "probe" never retries, so the health check answers fast.
/// </summary>
public static class StorageClients
{
    public const string Probe = "probe";
    private const string Default = "Default"; // the name Microsoft.Extensions.Azure gives an unnamed client

    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.UsesConnectionString || !string.IsNullOrWhiteSpace(o.AccountName),
                "Set Storage:ConnectionString (e.g. UseDevelopmentStorage=true), or Storage:AccountName for managed identity.")
            .ValidateOnStart();
        services.AddSingleton<StorageTransactionCounter>();
        services.AddSingleton<EngineStorageCounter>();
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(_ => new DefaultAzureCredential());
            clients.ConfigureDefaults((options, sp) => ApplyRetriesAndCounting(options, sp));
            AddServiceClients(clients, Default, _ => { });
            AddServiceClients(clients, Probe, NoRetries);
        });
        services.AddSingleton(sp => Account(sp, Default));
        services.AddKeyedSingleton(Probe, (sp, _) => Account(sp, Probe));
        return services;
    }

    private static void AddServiceClients(AzureClientFactoryBuilder clients, string name, Action<ClientOptions> configure)
    {
        clients.AddClient<TableServiceClient, TableClientOptions>((o, credential, sp) =>
                Settings(sp).UsesConnectionString ? new TableServiceClient(Settings(sp).ConnectionString, o)
                    : new TableServiceClient(Settings(sp).Endpoint("table"), credential, o))
            .WithName(name).ConfigureOptions(configure);
        clients.AddClient<BlobServiceClient, BlobClientOptions>((o, credential, sp) =>
                Settings(sp).UsesConnectionString ? new BlobServiceClient(Settings(sp).ConnectionString, o)
                    : new BlobServiceClient(Settings(sp).Endpoint("blob"), credential, o))
            .WithName(name).ConfigureOptions(configure);
        clients.AddClient<QueueServiceClient, QueueClientOptions>((o, credential, sp) =>
                {
                    o.MessageEncoding = QueueMessageEncoding.Base64; // what the Functions host's queue trigger reads
                    return Settings(sp).UsesConnectionString ? new QueueServiceClient(Settings(sp).ConnectionString, o)
                        : new QueueServiceClient(Settings(sp).Endpoint("queue"), credential, o);
                })
            .WithName(name).ConfigureOptions(configure);
    }

    private static StorageOptions Settings(IServiceProvider sp) => sp.GetRequiredService<IOptions<StorageOptions>>().Value;

    private static StorageAccount Account(IServiceProvider sp, string name) => new(
        sp.GetRequiredService<IAzureClientFactory<TableServiceClient>>().CreateClient(name),
        sp.GetRequiredService<IAzureClientFactory<BlobServiceClient>>().CreateClient(name),
        sp.GetRequiredService<IAzureClientFactory<QueueServiceClient>>().CreateClient(name),
        Settings(sp).NamePrefix);

    private static void ApplyRetriesAndCounting(ClientOptions options, IServiceProvider sp)
    {
        var settings = Settings(sp);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = settings.MaxRetries;
        options.Retry.Delay = settings.RetryDelay;
        options.Retry.MaxDelay = settings.MaxRetryDelay;
        options.Retry.NetworkTimeout = settings.NetworkTimeout;
        options.AddPolicy(new CountingPolicy(sp.GetRequiredService<StorageTransactionCounter>()), HttpPipelinePosition.PerCall);
    }

    private static void NoRetries(ClientOptions options)
    {
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(4);
    }
}

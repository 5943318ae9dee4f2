using Azure.Identity;
using Maca.Functions.Email;
using Maca.Functions.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Hosting;

public static class ServiceRegistration
{
    public static void AddMacaServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi();
        services.TryAddSingleton(TimeProvider.System);

        services.AddStorage();
        services.AddEmail();
        builder.AddCycles();
    }

    private static void AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString) || !string.IsNullOrWhiteSpace(o.AccountName),
                "Set Storage:ConnectionString (e.g. UseDevelopmentStorage=true), or Storage:AccountName for managed identity.")
            .ValidateOnStart();
        services.AddSingleton<StorageTransactionCounter>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var connection = options.ResolveConnection();
            var credential = connection.UsesSharedKey ? null : new DefaultAzureCredential();
            return new StoragePipeline(connection, options, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<StorageTransactionCounter>(), credential);
        });
        services.AddSingleton(sp => new StorageAccount(
            sp.GetRequiredService<StoragePipeline>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value.NamePrefix));
    }

    private static void AddEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidation>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddHttpClient<SendGridEmailSender>();
        services.AddTransient<IEmailSender>(sp =>
            sp.GetRequiredService<IOptions<EmailOptions>>().Value.Transport == EmailTransport.SendGrid
                ? sp.GetRequiredService<SendGridEmailSender>()
                : sp.GetRequiredService<SmtpEmailSender>());
    }
}

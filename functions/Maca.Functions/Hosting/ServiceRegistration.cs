using Maca.Functions.Email;
using Maca.Functions.Engine;
using Maca.Functions.Storage;
using Maca.Functions.Workflow;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Hosting;

public static class ServiceRegistration
{
    /// <param name="localEngine">
    /// The local entry hosts the engine and the SDK's worker itself; the Azure entry has both from the Functions
    /// host's Durable extension.
    /// </param>
    public static void AddMacaServices(this IHostApplicationBuilder builder, bool localEngine = true)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi(Cycles.CommandOpenApi.Describe);
        services.TryAddSingleton(TimeProvider.System);
        // A request still running a second after the stop signal is waiting on storage or email that has gone
        // (Ctrl-C on ./maca run stops Azurite at the same moment): the engine is safe to stop mid-request, so
        // stopping does not wait the default 30 s for it.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));

        services.AddStorage();
        services.AddEmail();
        builder.AddCycles();
        if (localEngine) builder.AddDurableEngine();
        services.AddWorkflow();
        // After the engine and its worker: the seeds it loads send their commands through them.
        services.AddHostedService<StorageInitializer>();
        builder.AddTelemetry();
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

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
        services.AddOpenApi(Cycles.CommandOpenApi.Describe);
        services.TryAddSingleton(TimeProvider.System);

        services.AddStorage();
        services.AddEmail();
        builder.AddCycles();
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

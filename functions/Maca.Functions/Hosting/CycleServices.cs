using Maca.Functions.Workflow;
using System.Text.Json;
using Maca.Functions.Cycles;
using Maca.Functions.DevClock;
using Maca.Functions.Directory;
using Maca.Functions.Email.Delivery;
using Maca.Functions.Seeds;
using Maca.Functions.Retention;
using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Cycles;
using Microsoft.AspNetCore.Http.Json;

namespace Maca.Functions.Hosting;

public static class CycleServices
{
    public static void AddCycles(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<JsonOptions>(o => Copy(CycleJson.Input, o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section);
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);

        if (builder.Environment.IsDevelopment())
        {
            // Development only: a clock that can be moved forward for demos and tests.
            services.AddSingleton(sp => new ShiftableClock(TimeProvider.System));
            services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<ShiftableClock>());
        }

        services.AddSingleton(sp => new WorkingCalendar(BankHolidays.Load(sp.GetRequiredService<IHostEnvironment>())));
        services.AddSingleton(sp => new CycleDecider(sp.GetRequiredService<WorkingCalendar>()));
        services.AddSingleton<CycleStore>();
        services.AddSingleton<SnapshotSpill>();
        services.AddSingleton<PartnershipAuditLog>();
        services.AddSingleton<Input.NamesToKeepOut>();
        services.AddSingleton<CommandScreen>();
        services.AddSingleton<EmailDeliveries>();
        services.AddSingleton<CycleRefusals>();
        services.AddSingleton<DirectoryStore>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<CycleQueries>();
        services.AddSingleton<CycleContentQuery>();
        services.AddSingleton<CyclePurger>();
        services.AddSingleton<Documents.DocumentStore>();
        services.AddSingleton<Documents.DocumentUploads>();
        services.AddSingleton<Summaries.SummaryVersions>();
        services.AddSingleton<ActionPlans.CompositeActionPlan>();
        services.AddSingleton<EmailRetry>();
        services.AddSingleton<EmailSending>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService<RetentionSchedule>();
        services.AddSingleton<SeedLoader>();
        services.AddSingleton<DemoCycleSeed>();
        services.AddSingleton<HistorySeed>();
    }

    private static void Copy(JsonSerializerOptions from, JsonSerializerOptions to)
    {
        to.PropertyNamingPolicy = from.PropertyNamingPolicy;
        to.RespectNullableAnnotations = from.RespectNullableAnnotations;
        to.RespectRequiredConstructorParameters = from.RespectRequiredConstructorParameters;
        to.UnmappedMemberHandling = from.UnmappedMemberHandling;
        foreach (var converter in from.Converters) to.Converters.Add(converter);
    }
}

using Azure.Core.Serialization;
using Maca.Functions.Access;
using Maca.Functions.Cycles;
using Maca.Functions.Engine;
using Maca.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Maca.IsolatedWorker
{
    /// <summary>
    /// The Azure entry: the Functions isolated worker. The host's Durable extension runs the engine; the app's
    /// services and pipeline are the local entry's, run from one catch-all HTTP function. A named class, not
    /// top-level statements, so that it is not a second "Program" beside the local entry's.
    /// </summary>
    public static class WorkerProgram
    {
        public static void Main(string[] args)
        {
            var builder = FunctionsApplication.CreateBuilder(args);
            // First: it registers the worker's web host (and IWebHostEnvironment), which Razor Pages reads as it
            // is added.
            builder.ConfigureFunctionsWebApplication();
            builder.AddAzureEntry();
            // Application Insights through the worker (APPLICATIONINSIGHTS_CONNECTION_STRING), beside the app's own
            // OTLP exporter. No case details reach it: the app logs none, and dependency tracking is off, since a
            // storage call's URL holds its table keys (host.json also keeps the host's request URLs out).
            builder.Services.AddApplicationInsightsTelemetryWorkerService(o =>
                    o.EnableDependencyTrackingTelemetryModule = false)
                .ConfigureFunctionsApplicationInsights();
            builder.Build().Run();
        }
    }

    public static class AzureEntry
    {
        /// <summary>The app's services as the worker hosts them; the catch-all test host calls this too.</summary>
        /// <param name="engineFromHost">
        /// In Azure the Functions host's Durable extension runs the engine and binds its client; the test host, which
        /// has no Functions host, keeps the local engine and its client instead.
        /// </param>
        public static void AddAzureEntry(this IHostApplicationBuilder builder, bool engineFromHost = true)
        {
            builder.AddMacaServices(localEngine: !engineFromHost);
            builder.AddAccess();
            // The web host's ApplicationName is the Http.AspNetCore extension's assembly, so Razor Pages would find
            // no pages of ours: name the app's assembly as a part.
            builder.Services.AddRazorPages().AddApplicationPart(typeof(MacaPipeline).Assembly);
            // The Durable extension replaces any DataConverter with one over the worker's serializer: make that the
            // cycle's JSON.
            builder.Services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(CycleJson.Options));
            builder.Services.AddSingleton<BindingDurableTaskClient>();
            builder.Services.AddSingleton<AppPipeline>();
            if (!engineFromHost) return;
            // The app's singletons take a DurableTaskClient; in Azure the only one is the binding's, handed over per
            // invocation.
            builder.Services.AddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<BindingDurableTaskClient>());
            // The hub is the one host.json names (extensions.durableTask.hubName), "maca" as locally.
            var hub = builder.Configuration["AzureFunctionsJobHost:extensions:durableTask:hubName"] ?? "maca";
            builder.Services.AddSingleton(sp =>
                new DurableEngineProbe(sp.GetRequiredService<DurableTaskClient>(), () => hub));
        }
    }
}

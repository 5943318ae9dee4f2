using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Maca.Functions.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics, sent through OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set. Nothing about a case
/// leaves in them: request spans are named by route template ("GET /agency/cases/{caseRef}"), the real path and query
/// are removed before export, and the workflow's own spans and counters carry only the command's and event's type names.
/// </summary>
public static class Telemetry
{
    public const string Name = "Maca";
    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    public static readonly Counter<long> Commands =
        Meter.CreateCounter<long>("maca.commands", description: "Commands decided, by type and outcome");
    public static readonly Counter<long> Emails = Meter.CreateCounter<long>("maca.emails", description: "Emails sent, by kind and outcome");

    /// <summary>Tags a request span or metric may carry; anything else (url.path, url.query, user agent…) is dropped.</summary>
    private static readonly HashSet<string> KeptRequestTags =
        ["http.request.method", "http.route", "http.response.status_code", "network.protocol.version", "url.scheme", "error.type"];

    /// <summary>On only when there is somewhere to send it: without a collector, spans would cost time for no reader.</summary>
    public static void AddTelemetry(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("maca"))
            .WithTracing(t => t.AddSource(Name).AddAspNetCoreInstrumentation().AddProcessor(new WithoutCaseDetails()))
            .WithMetrics(m => m.AddMeter(Name).AddAspNetCoreInstrumentation())
            .UseOtlpExporter();
    }

    /// <summary>Runs before any exporter: a request span keeps its route template, method and status, nothing more.</summary>
    private sealed class WithoutCaseDetails : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity activity)
        {
            if (activity.Kind != ActivityKind.Server) return;
            foreach (var tag in activity.TagObjects.Select(t => t.Key).Where(k => !KeptRequestTags.Contains(k)).ToList())
                activity.SetTag(tag, null);
            // Without a matched route (a 404) the name would fall back to the raw path.
            activity.DisplayName = activity.GetTagItem("http.route") is string route
                ? $"{activity.GetTagItem("http.request.method")} /{route.TrimStart('/')}" // pages' routes come without the slash
                : $"{activity.GetTagItem("http.request.method")}";
        }
    }
}

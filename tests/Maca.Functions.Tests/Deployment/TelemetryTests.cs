using System.Diagnostics;
using System.Net;
using Maca.Functions.Tests.Cycles;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using OpenTelemetry;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Maca.Functions.Tests.Deployment;

/// <summary>Traces name routes and command types; no case reference, theme or free text reaches a span.</summary>
[Collection(AppCollection.Name)]
public sealed class TelemetryTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private const string CaseRef = "OT-2029-77";

    [Fact]
    public async Task SpansCarryRouteTemplatesAndCommandTypesButNoCaseDetails()
    {
        var spans = new List<Activity>();
        // A collector address on loopback where nothing listens: telemetry is on, and nothing leaves the machine.
        await using var factory = new MacaAppFactory(azurite, maildev,
            new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{FreePort.Next()}" });
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(new Collect(spans)))));
        var api = new CycleClient(app.CreateCoordinatorClient());
        await api.SeedPartnershipAsync("otel", ["CSC", "POL"], "Neglect");
        var id = await api.StartAsync(new
        {
            partnershipId = "otel", theme = "Neglect", auditType = "Desktop", agencyCodes = new[] { "CSC", "POL" }, targetCases = 1,
        });
        await api.ChooseCasesAsync(id, (CaseRef, ["CSC", "POL"]));
        await api.SubmitAsync(id, "CSC", CaseRef);
        var page = await app.CreateCoordinatorClient().GetAsync($"/cycles/{id}/submissions/CSC/{CaseRef}?note=Tallulah");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // A server span ends after its response is sent, so the last one may still be on its way to the exporter.
        var finished = await Poll.UntilAsync(() =>
        {
            Activity[] copy;
            lock (spans) copy = [.. spans];
            return Task.FromResult((copy.Any(s => s.Kind == ActivityKind.Server && s.DisplayName == "GET /cycles/{id}/submissions/{agency}/{caseRef}"), copy));
        }, TimeSpan.FromSeconds(10), () => "The response page's span was not exported.");
        Assert.Contains(finished, s => s.DisplayName == "command SubmitAuditTool" && (string?)s.GetTagItem("maca.outcome") == "accepted");
        foreach (var span in finished)
        {
            Assert.DoesNotContain(CaseRef, span.DisplayName);
            Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString() is { } v
                && (v.Contains(CaseRef) || v.Contains("Tallulah") || v.Contains("Neglect")));
        }
    }

    /// <summary>Keeps each ended span, under a lock the test reads with (the in-memory exporter's list has none).</summary>
    private sealed class Collect(List<Activity> spans) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity activity)
        {
            lock (spans) spans.Add(activity);
        }
    }
}

using System.IO.Compression;
using System.Reflection;
using Maca.IsolatedWorker;
using Maca.Functions.Engine;
using Maca.Testing;
using Microsoft.Azure.Functions.Worker;

namespace Maca.Functions.Tests.Deployment;

/// <summary>
/// The isolated worker's package, as ./maca publish builds it: the host cannot run here, so everything it would read
/// is checked instead.
/// </summary>
public sealed class PackageLayoutTests
{
    private static IReadOnlyList<string> Triggered(string type) => PublishedPackage.Functions()
        .Where(f => f.Value.Any(b => b.Type == type)).Select(f => f.Key).Order().ToList();

    [Fact]
    public void TheMetadataListsTheOrchestratorEveryActivityTheCatchAllAndTheTimer()
    {
        Assert.True(System.IO.Directory.Exists(PublishedPackage.Folder),
            "Run ./maca publish first (./maca test does).");
        var functions = PublishedPackage.Functions();
        Assert.Equal(["AuditCycleOrchestrator"], Triggered("orchestrationTrigger"));
        Assert.Equal(["RecordCycleDecisionActivity", "SendCycleEmailActivity"], Triggered("activityTrigger"));

        var app = functions[AppFunction.Name];
        var http = Assert.Single(app, b => b.Type == "httpTrigger");
        Assert.Equal("{*path}", http.Json["route"]!.GetValue<string>());
        Assert.Equal(["delete", "get", "head", "options", "patch", "post", "put"],
            http.Json["methods"]!.AsArray().Select(m => m!.GetValue<string>()).Order());
        Assert.Contains(app, b => b.Type == "durableClient");
        Assert.Contains(app, b => b.Type == "http" && b.Direction == "Out");

        var timer = functions[RetentionFunction.Name];
        var schedule = Assert.Single(timer, b => b.Type == "timerTrigger").Json["schedule"]!;
        Assert.Equal("0 15 2 * * *", schedule.GetValue<string>());
        Assert.Contains(timer, b => b.Type == "durableClient");
        Assert.Equal(5, functions.Count); // nothing else answers in Azure
    }

    [Fact]
    public void EveryTaskTheLocalEngineRegistersHasAFunctionOfTheSameNameAndThereAreNoOthers()
    {
        var declared = typeof(AppFunction).Assembly.GetTypes().SelectMany(t => t.GetMethods())
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(m => m.Function is not null)
            .ToList();
        string[] Having<TTrigger>() where TTrigger : Attribute => declared
            .Where(m => m.Method.GetParameters().Any(p => p.GetCustomAttribute<TTrigger>() is not null))
            .Select(m => m.Function!.Name).Order().ToArray();

        Assert.Equal(DurableTasks.OrchestratorNames.Order(), Having<OrchestrationTriggerAttribute>());
        Assert.Equal(DurableTasks.Activities.Keys.Order(), Having<ActivityTriggerAttribute>());
        Assert.Equal(declared.Select(m => m.Function!.Name).Order(), PublishedPackage.Functions().Keys.Order());
    }

    [Fact]
    public void TheHostFindsTheWorkerTheDurableExtensionTheRepositorysHostJsonAndTheAppsFiles()
    {
        var folder = PublishedPackage.Folder;
        var worker = PublishedPackage.Json("worker.config.json")["description"]!;
        Assert.All(PublishedPackage.Json("functions.metadata").AsArray(),
            f => Assert.Equal("dotnet-isolated", f!["language"]!.GetValue<string>()));
        Assert.Equal("Maca.Functions.Azure.dll", worker["defaultWorkerPath"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(folder, "Maca.Functions.Azure.dll")));
        Assert.Contains(PublishedPackage.Json("extensions.json")["extensions"]!.AsArray(),
            e => e!["name"]!.GetValue<string>() == "DurableTask");
        const string durableExtension = "Microsoft.Azure.WebJobs.Extensions.DurableTask.dll";
        Assert.True(File.Exists(Path.Combine(folder, ".azurefunctions", durableExtension)));
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")),
            File.ReadAllText(Path.Combine(folder, "host.json")));
        Assert.True(File.Exists(Path.Combine(folder, "seeds", "bank-holidays.json")));
        Assert.True(File.Exists(Path.Combine(folder, "wwwroot", "assets", "govuk-frontend.css")));

        using var zip = ZipFile.OpenRead(PublishedPackage.Zip);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet();
        string[] expected = ["host.json", "functions.metadata", "worker.config.json", "Maca.Functions.Azure.dll",
            $".azurefunctions/{durableExtension}", "wwwroot/assets/govuk-frontend.css"];
        foreach (var file in expected)
            Assert.Contains(file, names);
    }

    [Fact]
    public void HostJsonNamesTheHubTheProviderNoRoutePrefixExtendedSessionsAndNoUrlsInTelemetry()
    {
        var host = PublishedPackage.Json("host.json");
        Assert.Equal("", host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
        var durable = host["extensions"]!["durableTask"]!;
        Assert.Equal(new DurableEngineOptions().TaskHubName, durable["hubName"]!.GetValue<string>());
        Assert.Equal("AzureStorage", durable["storageProvider"]!["type"]!.GetValue<string>());
        Assert.Equal("AzureWebJobsStorage", durable["storageProvider"]!["connectionName"]!.GetValue<string>());
        var polling = durable["storageProvider"]!["maxQueuePollingInterval"]!.GetValue<string>();
        Assert.Equal(TimeSpan.FromSeconds(10), TimeSpan.Parse(polling));
        Assert.True(durable["extendedSessionsEnabled"]!.GetValue<bool>());
        Assert.Null(host["customHandler"]);
        // No case details in telemetry: no storage URLs (their keys) and no request URLs (case references).
        var insights = host["logging"]!["applicationInsights"]!;
        Assert.False(insights["enableDependencyTracking"]!.GetValue<bool>());
        var http = insights["httpAutoCollectionOptions"]!;
        Assert.False(http["enableHttpTriggerExtendedInfoCollection"]!.GetValue<bool>());
    }
}

using System.Reflection;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Maca.Functions.Access;
using Maca.Functions.Hosting;
using Maca.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Tests.Deployment;

/// <summary>
/// The Bicep compiler cannot run here, so the infrastructure is read as text and held against the app itself:
/// its app settings are exactly what the app reads at start-up, and its role assignments match the storage
/// services the app's clients use.
/// </summary>
public sealed partial class BicepConsistencyTests
{
    private static readonly string FunctionApp = File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "modules", "functionapp.bicep"));

    /// <summary>Settings the Functions host (not the app) reads, and the OpenTelemetry exporter's standard variable.</summary>
    private static readonly string[] HostSettings =
    [
        "AzureWebJobsStorage__accountName", "APPLICATIONINSIGHTS_CONNECTION_STRING", "AzureWebJobsDisableHomepage",
        "OTEL_EXPORTER_OTLP_ENDPOINT",
    ];

    /// <summary>The app settings the Bicep sets, with the first coordinator's index filled in.</summary>
    private static IReadOnlyList<string> BicepSettings()
    {
        var block = Between("var coordinatorSettings", "resource app ");
        return SettingName().Matches(block).Select(m => m.Groups[1].Value.Replace("${i}", "0").Replace("${j}", "0")).Distinct().ToList();
    }

    /// <summary>What Azure would hand the app for each setting (Key Vault references resolved to values of the right shape).</summary>
    private static Dictionary<string, string?> AsDeployed(IEnumerable<string> names) =>
        names.ToDictionary(n => n.Replace("__", ":"), n => (string?)(n switch
    {
        "Storage__AccountName" or "AzureWebJobsStorage__accountName" => "macaexample",
        "Access__LinkSigningKey" => Convert.ToBase64String(new byte[32]),
        "Access__Bearer__Authority" => "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
        "Access__Coordinators__0__Email" or "Email__FromAddress" => "maca@partnership.example",
        "Access__Coordinators__0__Admin" or "Access__TrustAppServiceAuthentication" => "true",
        "App__PublicBaseUrl" or "OTEL_EXPORTER_OTLP_ENDPOINT" => "https://maca.example",
        "Email__Transport" => "SendGrid",
        _ => "placeholder",
    }));

    /// <summary>The app's own start-up, given only these settings: nothing from appsettings files or the machine.</summary>
    private static WebApplication Build(IDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMacaServices();
        builder.AddAccess();
        return builder.Build();
    }

    private static void ValidateStartUp(IDictionary<string, string?> settings)
    {
        using var app = Build(settings);
        app.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void TheAppStartsWithTheBicepsSettingsAndEachRequiredOneIsThere()
    {
        var deployed = AsDeployed(BicepSettings());
        ValidateStartUp(deployed); // throws, naming the setting, if the Bicep misses one the app validates

        // The check bites: without any one of these the app refuses to start.
        string[] required = ["Storage:AccountName", "Access:LinkSigningKey", "Access:Bearer:Authority", "Email:FromAddress", "Email:SendGrid:ApiKey"];
        foreach (var setting in required)
        {
            var without = new Dictionary<string, string?>(deployed);
            Assert.True(without.Remove(setting), $"{setting} is not in the Bicep's app settings.");
            Assert.Throws<OptionsValidationException>(() => ValidateStartUp(without));
        }
    }

    [Fact]
    public void EveryBicepSettingIsOneTheAppOrTheHostReads()
    {
        var readable = typeof(AccessOptions).Assembly.GetTypes()
            .Select(t => (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue()))
            .Where(x => x.Section is string)
            .SelectMany(x => Paths(x.Type, (string)x.Section!)).Concat(HostSettings).ToHashSet();
        var unread = BicepSettings().Where(s => !readable.Contains(s)).ToList();
        Assert.True(unread.Count == 0, $"Set in the Bicep but read by nothing: {string.Join(", ", unread)}");
    }

    [Fact]
    public void TheRoleAssignmentsAreTheAppsAndTheDurableHostsDataRolesAtTheAccountScope()
    {
        using var app = Build(AsDeployed(BicepSettings()));
        var used = new Dictionary<string, bool>
        {
            ["table"] = app.Services.GetService<IAzureClientFactory<TableServiceClient>>() is not null,
            ["blob"] = app.Services.GetService<IAzureClientFactory<BlobServiceClient>>() is not null,
            ["queue"] = app.Services.GetService<IAzureClientFactory<QueueServiceClient>>() is not null,
        }.Where(u => u.Value).Select(u => u.Key);
        var dataRoles = new Dictionary<string, string> // Azure's built-in role ids
        {
            ["table"] = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", ["blob"] = "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
            ["queue"] = "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
        };
        var granted = RoleEntry().Matches(Between("var storageDataRoles", "var hostStorageRoles"))
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(used.Order().ToDictionary(u => u, u => dataRoles[u]), granted.OrderBy(g => g.Key).ToDictionary());
        // The Durable extension's own: Blob Data Owner, Queue and Table Data Contributor on AzureWebJobsStorage.
        var host = RoleEntry().Matches(Between("var hostStorageRoles", "var grantedStorageRoles"))
            .Select(m => m.Groups[2].Value).Order();
        Assert.Equal(["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b"], host);

        var assignment = Between("resource storageRoles", "resource secretsRole");
        Assert.Contains("scope: storage\n", assignment);
        Assert.Contains("for roleId in grantedStorageRoles", assignment);
        Assert.Contains("union(map(items(storageDataRoles), r => r.value), map(items(hostStorageRoles), r => r.value))",
            FunctionApp);
        Assert.DoesNotContain("resourceGroup()", FunctionApp);
        Assert.Contains("allowSharedKeyAccess: false", File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "modules", "storage.bicep")));
    }

    [Fact]
    public void TheRuntimeIsTheIsolatedWorkerOnTheDotNetVersionEveryProjectTargets()
    {
        var props = File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props"));
        var version = Regex.Match(props, @"<TargetFramework>net(\d+\.\d+)</TargetFramework>").Groups[1].Value;
        Assert.Contains($"runtime: {{ name: 'dotnet-isolated', version: '{version}' }}", FunctionApp);
        Assert.DoesNotContain("'custom'", FunctionApp);
    }

    /// <summary>Every configuration path an options class binds, as App Service names it ("Access__Coordinators__0__Email").</summary>
    private static IEnumerable<string> Paths(Type type, string prefix)
    {
        var bound = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || IsList(p.PropertyType));
        foreach (var property in bound)
        {
            var path = $"{prefix}__{property.Name}";
            var kind = property.PropertyType;
            if (IsList(kind))
            {
                var item = kind.GetGenericArguments()[0];
                if (IsLeaf(item)) yield return $"{path}__0";
                else foreach (var nested in Paths(item, $"{path}__0")) yield return nested;
            }
            else if (IsLeaf(kind)) yield return path;
            else foreach (var nested in Paths(kind, path)) yield return nested;
        }
    }

    private static string Between(string start, string end) =>
        FunctionApp[FunctionApp.IndexOf(start, StringComparison.Ordinal)..FunctionApp.IndexOf(end, StringComparison.Ordinal)];

    private static bool IsList(Type t) => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>);

    private static bool IsLeaf(Type t) => (Nullable.GetUnderlyingType(t) ?? t) is var u
        && (u.IsPrimitive || u.IsEnum || u == typeof(string) || u == typeof(TimeSpan) || u == typeof(Uri) || u == typeof(decimal));

    [GeneratedRegex(@"name:\s*'((?:[A-Za-z0-9_]|\$\{[ij]\})+)'")]
    private static partial Regex SettingName();

    [GeneratedRegex(@"(\w+):\s*'([0-9a-f-]{36})'")]
    private static partial Regex RoleEntry();
}

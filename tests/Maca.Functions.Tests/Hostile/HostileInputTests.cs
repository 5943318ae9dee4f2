using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Maca.Functions.Tests.Infrastructure;

namespace Maca.Functions.Tests.Hostile;

/// <summary>
/// Over two hundred hostile requests, each one thing wrong in an otherwise valid request. Every one gets a clear
/// 4xx (never a 500) and changes nothing: the cycle's version and the partnership's records are the same after.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HostileInputTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    public static IEnumerable<object[]> Cases() => HostileCases.All().Select(c => new object[] { c });

    [Fact]
    public void ThereAreAtLeastTwoHundredCasesAcrossEveryCategory() => Assert.True(HostileCases.All().Count() >= 200);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task IsRefusedWithA4xxAndChangesNothing(HostileCase hostile)
    {
        var world = await HostileWorld.GetAsync(azurite, maildev);
        var before = await world.StateAsync();

        using var request = new HttpRequestMessage(new HttpMethod(hostile.Method), hostile.Path.Replace("{C}", world.CycleId));
        request.Content = Body(hostile);
        if (hostile.Header is var (header, value)) request.Headers.Add(header, value);
        using var response = await world.Coordinator.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == hostile.Expected, $"{hostile.Name}: {(int)response.StatusCode} {text}");
        if (hostile.Field is { } field)
            Assert.True(JsonNode.Parse(text)?["errors"]?[field] is not null, $"{hostile.Name}: names {field}? {text}");
        Assert.DoesNotContain("Maca.", text);           // no .NET type names
        Assert.DoesNotContain("System.", text);
        Assert.Equal(before, await world.StateAsync());
    }

    private static HttpContent? Body(HostileCase hostile)
    {
        var bytes = hostile.Raw ?? (hostile.Json is null ? null : Encoding.UTF8.GetBytes(hostile.Json));
        if (bytes is null) return null;
        HttpContent content = hostile.Chunked ? new StreamContent(new MemoryStream(bytes)) : new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(hostile.ContentType);
        if (hostile.Chunked) content.Headers.ContentLength = null;
        return content;
    }
}

/// <summary>One app, partnership and cycle that every hostile case aims at; none of them may change it.</summary>
internal sealed class HostileWorld
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static HostileWorld? _world;
    private static AzuriteFixture? _builtFor;

    private HostileWorld(MacaAppFactory app, HttpClient coordinator, string cycleId) => (App, Coordinator, CycleId) = (app, coordinator, cycleId);

    public MacaAppFactory App { get; }
    public HttpClient Coordinator { get; }
    public string CycleId { get; }

    public static async Task<HostileWorld> GetAsync(AzuriteFixture azurite, MaildevFixture maildev)
    {
        await Gate.WaitAsync();
        try
        {
            if (_world is not null && ReferenceEquals(_builtFor, azurite)) return _world;
            var app = new MacaAppFactory(azurite, maildev);
            var api = app.CreateCycleClient();
            await api.SeedPartnershipAsync(HostileCases.Partnership, ["CSC", "POL"], "Neglect");
            await api.OkJsonAsync(HttpMethod.Put, $"/api/partnerships/{HostileCases.Partnership}", new
            {
                name = "Hostile partnership", coordinatorEmail = "c@hp.example", managerEmail = "m@hp.example",
                learningDevelopmentEmail = "l@hp.example", retentionDays = 365, themes = new[] { "Neglect" }, namesToKeepOut = new[] { "Tallulah" },
            });
            await api.AdvanceToAsync(Cycles.CycleScript.Uk(2029, 10, 1, 10));
            var cycleId = await api.StartAsync(JsonNode.Parse(HostileCases.StartBody())!);
            (_world, _builtFor) = (new HostileWorld(app, app.CreateCoordinatorClient(), cycleId), azurite);
            return _world;
        }
        finally { Gate.Release(); }
    }

    /// <summary>Everything a hostile request could have changed, as text to compare.</summary>
    public async Task<string> StateAsync()
    {
        var cycle = JsonNode.Parse(await Coordinator.GetStringAsync($"/api/cycles/{CycleId}"))!;
        var partnership = await Coordinator.GetStringAsync($"/api/partnerships/{HostileCases.Partnership}");
        var agencies = await Coordinator.GetStringAsync($"/api/partnerships/{HostileCases.Partnership}/agencies");
        var cycles = JsonNode.Parse(await Coordinator.GetStringAsync($"/api/cycles?partnershipId={HostileCases.Partnership}"))!["items"]!.AsArray().Count;
        return $"{cycle["version"]} {cycle["customStatus"]!["phase"]} | {partnership} | {agencies} | {cycles} cycles";
    }
}

using System.Text.Json;
using Maca.Functions.Cycles;
using Maca.Functions.Directory;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Seeds;

/// <summary>Bound from "Seeds". ./maca run loads the demo partnership on first start.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seeds";
    public bool LoadDemo { get; set; }
}

/// <summary>Loads seeds/demo-partnership.json into the directory if that partnership is not there yet, then its history and the open demo cycle.</summary>
public sealed partial class SeedLoader(DirectoryStore directory, DemoCycleSeed demoCycle, HistorySeed history, IOptions<SeedOptions> options, IHostEnvironment env,
    ILogger<SeedLoader> logger)
{
    public sealed record DemoSeed(Partnership Partnership, IReadOnlyList<Agency> Agencies);

    public async Task LoadAsync(CancellationToken ct)
    {
        if (!options.Value.LoadDemo) return;
        var seed = JsonSerializer.Deserialize<DemoSeed>(await File.ReadAllTextAsync(SeedFiles.Find("demo-partnership.json", env), ct), CycleJson.Options)!;
        // Seeds obey the same rules as the API, so a bad edit to the file fails loudly instead of loading.
        var problems = DirectoryValidation.Problems(seed.Partnership).Concat(seed.Agencies.SelectMany(DirectoryValidation.Problems)).ToList();
        if (problems.Count > 0)
            throw new InvalidDataException("seeds/demo-partnership.json is not valid: " + string.Join("; ", problems.Select(p => $"{p.Key}: {p.Value[0]}")));
        if (await directory.GetPartnershipAsync(seed.Partnership.Id, ct) is null)
        {
            foreach (var agency in seed.Agencies) await directory.SaveAgencyAsync(seed.Partnership.Id, agency, ct);
            await directory.SavePartnershipAsync(seed.Partnership, ct); // last, so a half-loaded seed is retried
            LogSeeded(seed.Partnership.Id, seed.Agencies.Count);
        }
        await history.LoadAsync(ct);
        await demoCycle.LoadAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the demo partnership {PartnershipId} with {Agencies} agencies")]
    private partial void LogSeeded(string partnershipId, int agencies);
}

using System.Text.Json;

namespace Maca.Functions.Seeds;

/// <summary>England and Wales bank holidays, read from seeds/bank-holidays.json (copied beside the app).</summary>
public static class BankHolidays
{
    public static IReadOnlyList<DateOnly> Load(IHostEnvironment env)
    {
        var path = SeedFiles.Find("bank-holidays.json", env);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("holidays").EnumerateArray()
            .Select(h => DateOnly.Parse(h.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }
}

public static class SeedFiles
{
    /// <summary>Looks beside the app first (published), then up the folders to the repository's seeds/.</summary>
    public static string Find(string name, IHostEnvironment env)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, env.ContentRootPath })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "seeds", name);
                if (File.Exists(candidate)) return candidate;
            }
        throw new FileNotFoundException($"seeds/{name} was not found beside the app or in any parent folder.");
    }
}

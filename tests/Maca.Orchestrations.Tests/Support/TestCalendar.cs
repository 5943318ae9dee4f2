using System.Text.Json;
using Maca.Orchestrations.Calendar;

namespace Maca.Orchestrations.Tests.Support;

/// <summary>The real England and Wales bank holidays from seeds/, so the data file is tested too.</summary>
public static class TestCalendar
{
    public static readonly WorkingCalendar Instance = new(Load());

    private static IEnumerable<DateOnly> Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "seeds", "bank-holidays.json"))) dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("seeds/bank-holidays.json not found"), "seeds", "bank-holidays.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("holidays").EnumerateArray().Select(h => DateOnly.Parse(h.GetProperty("date").GetString()!)).ToList();
    }

    /// <summary>A UK wall-clock moment (GMT or BST as the date says).</summary>
    public static DateTimeOffset Uk(int year, int month, int day, int hour = 9, int minute = 0) =>
        WorkingCalendar.AtUkTime(new DateOnly(year, month, day), new TimeOnly(hour, minute));
}

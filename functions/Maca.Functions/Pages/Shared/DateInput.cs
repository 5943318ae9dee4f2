namespace Maca.Functions.Pages.Shared;

/// <summary>
/// The GOV.UK date input's three boxes ("{field}-day", "-month", "-year") read into a date, with the pattern's
/// own error messages for a missing part or a date that does not exist.
/// </summary>
public sealed record DateInput(string? Day, string? Month, string? Year)
{
    public static DateInput From(IFormCollection form, string field) =>
        new(form[$"{field}-day"].FirstOrDefault()?.Trim(), form[$"{field}-month"].FirstOrDefault()?.Trim(), form[$"{field}-year"].FirstOrDefault()?.Trim());

    public static DateInput Of(DateOnly? date) =>
        date is { } d ? new(d.Day.ToString(), d.Month.ToString(), d.Year.ToString()) : new(null, null, null);

    public bool Empty => string.IsNullOrEmpty(Day) && string.IsNullOrEmpty(Month) && string.IsNullOrEmpty(Year);

    /// <summary>The date, or the message to show; <paramref name="what"/> names it: "the new deadline".</summary>
    public (DateOnly? Date, string? Problem) Read(string what)
    {
        if (Empty) return (null, $"Enter {what}");
        var missing = new[] { ("a day", Day), ("a month", Month), ("a year", Year) }.Where(p => string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0) return (null, $"{Capital(what)} must include {string.Join(" and ", missing)}");
        if (int.TryParse(Day, out var d) && int.TryParse(Month, out var m) && int.TryParse(Year, out var y) && Year!.Length == 4
            && y is >= 2000 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
            return (new DateOnly(y, m, d), null);
        return (null, $"{Capital(what)} must be a real date");
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}

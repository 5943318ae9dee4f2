using System.Globalization;
using CsvHelper;

namespace Maca.Functions.ActionPlans;

/// <summary>
/// The composite plan as CSV (RFC 4180 quoting by CsvHelper). A cell that a spreadsheet would run as a formula
/// (starting =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe so it stays text.
/// </summary>
public static class PlanCsv
{
    public static byte[] Write(IReadOnlyList<PlanRow> rows)
    {
        using var buffer = new MemoryStream();
        // A byte order mark, so Excel reads the UTF-8 as UTF-8.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using (var csv = CsvWriter.Create(buffer, options, true))
        {
            csv.WriteHeader(PlanColumns.Headings);
            foreach (var row in rows) csv.WriteRecord(PlanColumns.Values(row).ToArray());
        }
        return buffer.ToArray();
    }
}

/// <summary>The plan's columns, the same in CSV and Excel.</summary>
public static class PlanColumns
{
    public static readonly string[] Headings =
        ["Cycle", "Theme", "Recommendation", "Owner", "Due", "Status", "Latest update", "Updated", "Evidence"];

    public static IEnumerable<string> Values(PlanRow r) =>
    [
        r.CycleId, r.Theme, r.Recommendation, r.Owner, UkDate(r.DueDate), r.StatusWords,
        r.LatestUpdate ?? "", r.UpdatedOn is { } updated ? UkDate(updated) : "",
        string.Join("; ", r.Evidence),
    ];

    private static string UkDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

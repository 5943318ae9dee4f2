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
    [
        "Cycle", "Theme", "Action", "Description", "For", "Owner", "Due", "Success measure", "Status",
        "Latest update", "Updated", "Evidence",
    ];

    /// <summary>The columns by position, for the workbook's cell types and widths.</summary>
    public const int Due = 6, Status = 8, Updated = 10;

    public static IEnumerable<string> Values(PlanRow r) =>
    [
        r.CycleId, r.Theme, r.Label, r.Description, r.ServesWhat, r.Owner, UkDate(r.DueDate), r.SuccessMeasure,
        r.StatusWords, r.LatestUpdate ?? "", r.UpdatedOn is { } updated ? UkDate(updated) : "",
        string.Join("; ", r.Evidence),
    ];

    private static string UkDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

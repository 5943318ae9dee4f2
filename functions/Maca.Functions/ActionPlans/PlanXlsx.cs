using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Maca.Orchestrations.Actions;
using Maca.Orchestrations.Cycles;

namespace Maca.Functions.ActionPlans;

/// <summary>
/// The composite plan as an Excel workbook that opens cleanly: a header row with filters, the header frozen, sensible
/// widths, due and updated dates stored as real dates shown as UK dates, and RAG written as text with a fill.
/// </summary>
public static class PlanXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const uint Header = 1, Date = 2, Red = 3, Amber = 4, Green = 5;
    private static readonly double[] Widths = [16, 18, 10, 48, 40, 24, 12, 36, 22, 48, 12, 30];
    private static readonly string LastColumn = ((char)('A' + PlanColumns.Headings.Length - 1)).ToString();

    public static byte[] Write(IReadOnlyList<PlanRow> rows)
    {
        using var buffer = new MemoryStream();
        using (var excel = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var book = excel.AddWorkbookPart();
            book.Workbook = new Workbook();
            book.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = book.AddNewPart<WorksheetPart>();
            var data = new SheetData(new Row(PlanColumns.Headings.Select(h => Text(h, Header))) { RowIndex = 1 });
            for (var i = 0; i < rows.Count; i++) data.Append(RowOf(rows[i], (uint)i + 2));
            var lastCell = $"{LastColumn}{rows.Count + 1}";
            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(FrozenHeader()) { WorkbookViewId = 0, TabSelected = true }),
                new Columns(Widths.Select((w, i) =>
                    new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
                data,
                new AutoFilter { Reference = $"A1:{lastCell}" });
            // Excel keeps the filter's range as this hidden name as well as on the sheet.
            var filterRange = new DefinedName($"'Action plan'!$A$1:${LastColumn}${rows.Count + 1}")
                { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true };
            var sheet = new Sheet { Id = book.GetIdOfPart(sheetPart), SheetId = 1, Name = "Action plan" };
            book.Workbook.Append(new Sheets(sheet), new DefinedNames(filterRange));
            excel.PackageProperties.Title = "Composite action plan";
            excel.PackageProperties.Creator = "Maca";
        }
        return buffer.ToArray();
    }

    private static Pane FrozenHeader() => new()
        { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen };

    private static Row RowOf(PlanRow r, uint index)
    {
        var fill = (r.Status, r.Rag) switch
        {
            (ActionStatus.Open, Rag.Red) => Red,
            (ActionStatus.Open, Rag.Amber) => Amber,
            (ActionStatus.Open, _) or (ActionStatus.Verified, _) => Green,
            _ => 0u,
        };
        // The CSV's values in the CSV's order; only the dates and the status cell differ in kind.
        var cells = PlanColumns.Values(r).Select((value, column) => column switch
        {
            PlanColumns.Due => DateCell(r.DueDate),
            PlanColumns.Updated => r.UpdatedOn is { } updated ? DateCell(updated) : Text(""),
            PlanColumns.Status => Text(value, fill),
            _ => Text(value),
        });
        return new Row(cells) { RowIndex = index };
    }

    /// <summary>Text as an inline string: never a formula, whatever it starts with.</summary>
    private static Cell Text(string text, uint style = 0) =>
        new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
            { DataType = CellValues.InlineString, StyleIndex = style };

    /// <summary>A real date (a serial number) shown as a UK date.</summary>
    private static Cell DateCell(DateOnly date) =>
        new(new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)))
            { StyleIndex = Date };

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Arial" })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFF4CCCC"), Solid("FFFFE699"), Solid("FFC6EFCE")) { Count = 5 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { FillId = 2, ApplyFill = true }, new CellFormat { FillId = 3, ApplyFill = true },
            new CellFormat { FillId = 4, ApplyFill = true })
            { Count = 6 });

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 })
            { PatternType = PatternValues.Solid });
}

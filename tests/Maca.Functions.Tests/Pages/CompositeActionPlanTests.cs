using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Maca.Functions.ActionPlans;
using Maca.Functions.Tests.Infrastructure;
using Maca.Orchestrations.Actions;
using Maca.Orchestrations.Cycles;
using static Maca.Functions.Tests.Cycles.CycleScript;
using static Maca.Functions.Tests.Pages.PageForms;

namespace Maca.Functions.Tests.Pages;

/// <summary>The partnership's composite action plan: the page, and its Excel and CSV exports.</summary>
[Collection(AppCollection.Name)]
public sealed class CompositeActionPlanTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private static PlanRow Row(string recommendation, string? update, Rag? rag = Rag.Green) => new("c-1", "Neglect", recommendation, "Agency CSC", "CSC",
        new DateOnly(2030, 2, 28), ActionStatus.Open, rag, update, new DateTimeOffset(2030, 1, 6, 10, 0, 0, TimeSpan.Zero), ["checklist.docx"]);

    [Fact]
    public void TheCsvQuotesCommasQuotesAndNewlinesAndDefusesFormulas()
    {
        var csv = Encoding.UTF8.GetString(PlanCsv.Write([Row("R1: Say \"hello\", then wait", "=HYPERLINK(\"http://x\")\nsecond line"), Row("@SUM(A1)", "+1"), Row("-2", "plain")]));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("Cycle,Theme,Recommendation,Owner,Due,Status,Latest update,Updated,Evidence", lines[0]);
        Assert.Contains("\"R1: Say \"\"hello\"\", then wait\"", lines[1]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\nsecond line\"", csv);
        // A possible formula is written as text: an apostrophe in front, and quoted.
        Assert.Contains(",\"'@SUM(A1)\",", csv);
        Assert.Contains(",\"'+1\",", csv);
        Assert.Contains(",\"'-2\",", csv);
        Assert.Contains(",plain,", csv);
        Assert.Contains("28/02/2030", lines[1] + lines[2]);
    }

    [Fact]
    public void TheWorkbookHasAFilteredFrozenHeaderRealDatesAndRagAsTextWithAFill()
    {
        var bytes = PlanXlsx.Write([Row("R1: Checklist", "Drafted", Rag.Red), Row("R2: Training", null, Rag.Amber)]);
        using var excel = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = excel.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Equal("A1:I3", sheet.Elements<AutoFilter>().Single().Reference!.Value);
        Assert.Equal(PaneStateValues.Frozen, sheet.Descendants<Pane>().Single().State!.Value);
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal("Recommendation", rows[0].Elements<Cell>().ElementAt(2).InnerText);
        var due = rows[1].Elements<Cell>().ElementAt(4);
        Assert.Equal(new DateTime(2030, 2, 28), DateTime.FromOADate(double.Parse(due.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        var formats = excel.WorkbookPart.WorkbookStylesPart!.Stylesheet;
        var dateFormat = (CellFormat)formats.CellFormats!.ElementAt((int)due.StyleIndex!.Value);
        Assert.Equal("dd/mm/yyyy", formats.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId! == dateFormat.NumberFormatId!).FormatCode!.Value);
        var status = rows[1].Elements<Cell>().ElementAt(5);
        Assert.Equal("Red: overdue", status.InnerText);
        Assert.NotEqual(0u, ((CellFormat)formats.CellFormats!.ElementAt((int)status.StyleIndex!.Value)).FillId!.Value);
    }

    [Fact]
    public async Task TheCoordinatorSeesEveryOpenActionFiltersAndExports()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        var id = await LearningSummaryOutputTests.DraftedAsync(api, "plans");
        foreach (var step in new[] { "SubmitSummaryForReview", "ApproveSummary", "PublishSummary" }) await api.RaiseAsync(id, step);
        await api.RaiseAsync(id, "AddAction", new { recommendationId = "R1", agencyCode = "CSC", description = "Add the field", dueDate = "2030-02-28", successMeasure = "Live" });
        await api.RaiseAsync(id, "AddAction", new { recommendationId = "R1", agencyCode = "POL", description = "Brief officers", dueDate = "2030-03-29", successMeasure = "Briefed" });
        await api.RaiseAsync(id, "AgreeActionPlan");
        var desk = app.CreateCoordinatorClient(followRedirects: false);

        var all = await PageAsync(await desk.GetAsync("/actions?partnership=plans"));
        Assert.Equal(2, all.QuerySelectorAll("#plan tbody tr").Length);
        var police = await PageAsync(await desk.GetAsync("/actions?partnership=plans&owner=POL"));
        Assert.Contains("Agency POL", Assert.Single(police.QuerySelectorAll("#plan tbody tr")).TextContent);

        var xlsx = await desk.GetAsync("/actions?handler=Xlsx&partnership=plans&owner=POL");
        using (var excel = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
            Assert.Equal(2, excel.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Count()); // header and police's one action
        var csv = await (await desk.GetAsync("/actions?handler=Csv&partnership=plans")).Content.ReadAsStringAsync();
        Assert.Equal(3, csv.Trim().Split("\r\n").Length);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await desk.GetAsync("/actions?partnership=no-such-partnership")).StatusCode);
    }
}

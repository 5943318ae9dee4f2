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
    private static PlanRow Row(string description, string? update, Rag? rag = Rag.Green) => new("c-1", "Neglect",
        "1a", description, "R1: Record fathers", "Agency CSC", "CSC", new DateOnly(2030, 2, 28), "Audit shows 90%",
        ActionStatus.Open, rag, update, new DateTimeOffset(2030, 1, 6, 10, 0, 0, TimeSpan.Zero), ["checklist.docx"]);

    [Fact]
    public void TheCsvQuotesCommasQuotesAndNewlinesAndDefusesFormulas()
    {
        var csv = Encoding.UTF8.GetString(PlanCsv.Write([
            Row("R1: Say \"hello\", then wait", "=HYPERLINK(\"http://x\")\nsecond line"), Row("@SUM(A1)", "+1"),
            Row("-2", "plain"),
        ]));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal(
            "Cycle,Theme,Action,Description,For,Owner,Due,Success measure,Status,Latest update,Updated,Evidence",
            lines[0]);
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
        Assert.Equal("A1:L3", sheet.Elements<AutoFilter>().Single().Reference!.Value);
        Assert.Equal(PaneStateValues.Frozen, sheet.Descendants<Pane>().Single().State!.Value);
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(PlanColumns.Headings, rows[0].Elements<Cell>().Select(c => c.InnerText));
        var due = rows[1].Elements<Cell>().ElementAt(PlanColumns.Due);
        Assert.Equal(new DateTime(2030, 2, 28),
            DateTime.FromOADate(double.Parse(due.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        var formats = excel.WorkbookPart.WorkbookStylesPart!.Stylesheet;
        var dateFormat = (CellFormat)formats.CellFormats!.ElementAt((int)due.StyleIndex!.Value);
        Assert.Equal("dd/mm/yyyy", formats.NumberingFormats!.Elements<NumberingFormat>()
            .Single(f => f.NumberFormatId! == dateFormat.NumberFormatId!).FormatCode!.Value);
        var status = rows[1].Elements<Cell>().ElementAt(PlanColumns.Status);
        Assert.Equal("Red: overdue", status.InnerText);
        Assert.NotEqual(0u, ((CellFormat)formats.CellFormats!.ElementAt((int)status.StyleIndex!.Value)).FillId!.Value);
    }

    [Fact]
    public async Task TheCoordinatorSeesEveryOpenActionFiltersAndExports()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        var id = await LearningSummaryOutputTests.DraftedAsync(api, "plans");
        foreach (var step in new[] { "SubmitSummaryForReview", "ApproveSummary", "PublishSummary" })
            await api.RaiseAsync(id, step);
        await api.RaiseAsync(id, "AddAction", new
        {
            recommendationId = "R1", agencyCode = "CSC", description = "Add the field", dueDate = "2030-02-28",
            successMeasure = "Live",
        });
        await api.RaiseAsync(id, "AddAction", new
        {
            recommendationId = "R1", agencyCode = "POL", description = "Brief officers", dueDate = "2030-03-29",
            successMeasure = "Briefed",
        });
        await api.RaiseAsync(id, "AgreeActionPlan");
        var desk = app.CreateCoordinatorClient(followRedirects: false);

        var all = await PageAsync(await desk.GetAsync("/actions?partnership=plans"));
        Assert.Equal(2, all.QuerySelectorAll("#plan tbody tr").Length);
        var police = await PageAsync(await desk.GetAsync("/actions?partnership=plans&owner=POL"));
        Assert.Contains("Agency POL", Assert.Single(police.QuerySelectorAll("#plan tbody tr")).TextContent);

        var xlsx = await desk.GetAsync("/actions?handler=Xlsx&partnership=plans&owner=POL");
        using (var excel = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            // The header and police's one action.
            Assert.Equal(2, excel.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Count());
        }
        var csv = await (await desk.GetAsync("/actions?handler=Csv&partnership=plans")).Content.ReadAsStringAsync();
        Assert.Equal(3, csv.Trim().Split("\r\n").Length);
        Assert.Equal(System.Net.HttpStatusCode.NotFound,
            (await desk.GetAsync("/actions?partnership=no-such-partnership")).StatusCode);
    }

    [Fact]
    public async Task EachRowAndBothExportsGiveTheActionsOwnDescriptionWhatItIsForAndItsMeasure()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        var id = await LearningSummaryOutputTests.DraftedAsync(api, "planrows");
        foreach (var step in new[] { "SubmitSummaryForReview", "ApproveSummary", "PublishSummary" })
            await api.RaiseAsync(id, step);
        (string Label, string Description, string For, string Measure)[] expected =
        [
            ("1a", "Add a father field to the referral form", "R1: Record fathers' details at first contact",
                "The field is live on every form"),
            ("1b", "Brief officers on asking about fathers", "R1: Record fathers' details at first contact",
                "Every team briefed by March"),
            ("1c", "Re-audit ten referrals", "R1: Record fathers' details at first contact",
                "Nine in ten name the father"),
            ("Case LS-2029-01", "Check the father's details were added", "Follow-up check of case LS-2029-01",
                "The record names him"),
        ];
        foreach (var (label, description, _, measure) in expected)
        {
            var caseRef = label.StartsWith("Case ", StringComparison.Ordinal) ? "LS-2029-01" : null;
            await api.RaiseAsync(id, "AddAction", new
            {
                recommendationId = caseRef is null ? "R1" : null, caseRef, agencyCode = "CSC", description,
                dueDate = "2030-02-28", successMeasure = measure,
            });
        }
        await api.RaiseAsync(id, "AgreeActionPlan");
        var desk = app.CreateCoordinatorClient(followRedirects: false);

        var page = await PageAsync(await desk.GetAsync("/actions?partnership=planrows"));
        var pageRows = page.QuerySelectorAll("#plan tbody tr").Select(r => r.TextContent).ToList();
        var csvLines = (await (await desk.GetAsync("/actions?handler=Csv&partnership=planrows")).Content
            .ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var xlsx = await (await desk.GetAsync("/actions?handler=Xlsx&partnership=planrows")).Content
            .ReadAsByteArrayAsync();
        using var excel = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheetRows = excel.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();

        Assert.Equal(PlanColumns.Headings, sheetRows[0]);
        Assert.Equal(expected.Length + 1, csvLines.Length);
        foreach (var (label, description, servesWhat, measure) in expected)
        {
            var row = Assert.Single(sheetRows, r => r[2] == label);
            Assert.Equal([description, servesWhat, "Agency CSC"], row[3..6]);
            Assert.Equal(measure, row[7]);
            Assert.Single(csvLines, l => l.Contains($",{label},{description},", StringComparison.Ordinal)
                && l.Contains(measure, StringComparison.Ordinal));
            Assert.Single(pageRows, r => r.Contains($"{label}: {description}", StringComparison.Ordinal)
                && r.Contains(servesWhat, StringComparison.Ordinal) && r.Contains(measure, StringComparison.Ordinal));
        }
    }
}

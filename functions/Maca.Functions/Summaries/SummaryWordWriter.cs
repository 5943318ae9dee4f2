using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Maca.Orchestrations.Summaries;

namespace Maca.Functions.Summaries;

/// <summary>
/// The learning summary as a Word document: real Title, Heading 1 and Heading 2 styles with outline levels (so Word's
/// navigation pane lists the sections), bulleted lists through a numbering definition, and document properties.
/// </summary>
public static class SummaryWordWriter
{
    private const int BulletList = 1;

    public static byte[] Write(LearningSummaryDocument document, string partnershipName, DateTimeOffset generatedAt)
    {
        using var buffer = new MemoryStream();
        using (var word = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = Bullets();
            var body = new Body();
            body.Append(Para("Title", document.Title), Para("Subtitle", $"{partnershipName}. {document.Subtitle}."));
            foreach (var section in document.Sections)
            {
                body.Append(Para("Heading1", section.Heading));
                foreach (var block in section.Blocks)
                    switch (block.Kind)
                    {
                        case BlockKind.Subheading: body.Append(Para("Heading2", block.Text)); break;
                        case BlockKind.Paragraph: body.Append(Para("Normal", block.Text)); break;
                        default: body.Append(block.Items!.Select(item => Para("ListBullet", item)).ToArray<OpenXmlElement>()); break;
                    }
            }
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1440, Right = 1440, Header = 708, Footer = 708, Gutter = 0 }));
            main.Document = new Document(body);
            word.PackageProperties.Title = document.Title;
            word.PackageProperties.Subject = "Learning from a multi-agency case audit";
            word.PackageProperties.Creator = partnershipName;
            word.PackageProperties.Keywords = "multi-agency case audit; learning summary";
            word.PackageProperties.Language = "en-GB";
            word.PackageProperties.Created = generatedAt.UtcDateTime;
            word.PackageProperties.Modified = generatedAt.UtcDateTime;
        }
        return buffer.ToArray();
    }

    private static Paragraph Para(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Styles Styles() => new(
        new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" },
            new FontSize { Val = "24" }, new Languages { Val = "en-GB" })),
            new ParagraphPropertiesDefault(new SpacingBetweenLines { After = "160", Line = "276", LineRule = LineSpacingRuleValues.Auto })),
        Style("Normal", "Normal", null, isDefault: true),
        Style("Title", "Title", null, size: "56", bold: true),
        Style("Subtitle", "Subtitle", null, size: "28"),
        Style("Heading1", "heading 1", 0, size: "36", bold: true),
        Style("Heading2", "heading 2", 1, size: "28", bold: true),
        new Style(new StyleName { Val = "List Bullet" }, new BasedOn { Val = "Normal" }, new UIPriority { Val = 36 },
            new StyleParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletList }),
                new SpacingBetweenLines { After = "80" }))
        { Type = StyleValues.Paragraph, StyleId = "ListBullet" });

    /// <summary>A paragraph style; an outline level makes it a heading Word's navigation pane shows.</summary>
    private static Style Style(string id, string name, int? outline, string? size = null, bool bold = false, bool isDefault = false)
    {
        var style = new Style(new StyleName { Val = name }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        if (id != "Normal") style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" });
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = outline is null ? "0" : "360", After = "120" });
        if (outline is { } level) paragraph.Append(new OutlineLevel { Val = level });
        if (id != "Normal") style.Append(paragraph);
        var run = new StyleRunProperties();
        if (bold) run.Append(new Bold());
        if (size is not null) run.Append(new FontSize { Val = size });
        if (run.HasChildren) style.Append(run);
        return style;
    }

    private static Numbering Bullets() => new(
        new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "•" },
            new LevelJustification { Val = LevelJustificationValues.Left },
            new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" })) { LevelIndex = 0 }) { AbstractNumberId = BulletList },
        new NumberingInstance(new AbstractNumId { Val = BulletList }) { NumberID = BulletList });
}

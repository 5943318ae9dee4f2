using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Findings;

namespace Maca.Orchestrations.Summaries;

public enum BlockKind { Subheading, Paragraph, Bullets }

/// <summary>One piece of a section: a subheading (a case, a category), a paragraph, or a bulleted list.</summary>
public sealed record SummaryBlock(BlockKind Kind, string Text, IReadOnlyList<string>? Items = null)
{
    public static SummaryBlock Sub(string text) => new(BlockKind.Subheading, text);
    public static SummaryBlock Para(string text) => new(BlockKind.Paragraph, text);
    public static SummaryBlock List(IEnumerable<string> items) => new(BlockKind.Bullets, "", items.ToList());
}

public sealed record SummarySection(string Heading, IReadOnlyList<SummaryBlock> Blocks);

/// <summary>
/// The learning summary as a document: the same sections whether it is written as Word or as a web page, built only
/// from what the cycle holds. Case references only, never case details.
/// </summary>
public sealed record LearningSummaryDocument(string Title, string Subtitle, IReadOnlyList<SummarySection> Sections)
{
    public static LearningSummaryDocument From(CycleState s)
    {
        var content = s.SummaryContent ?? new LearningSummaryContent("", "", "", []);
        var sections = new List<SummarySection>
        {
            new("The theme and why it was chosen", [SummaryBlock.Para($"Theme: {s.Theme}."),
                SummaryBlock.Para(string.IsNullOrWhiteSpace(content.WhyThisTheme) ? "The theme was chosen from the board's priorities." : content.WhyThisTheme)]),
            new("How the audit was done", HowItWasDone(s, content)),
            new("Strengths", PerCase(s, f => f.Strengths)),
            new("Findings", PerCase(s, f => f.Findings.Select(x =>
                $"{x.Text} (learning themes: {string.Join(", ", x.Themes.Select(t => LearningThemes.All.GetValueOrDefault(t, t)))})"))),
            new("Recommendations", s.Recommendations.GroupBy(r => r.Category)
                .SelectMany(g => new[] { SummaryBlock.Sub(g.Key), SummaryBlock.List(g.SelectMany(r => WithSubActions(s, r))) }).ToList()),
            new("Good practice and resources", [.. Paragraphs(content.GoodPractice), .. Paragraphs(content.Resources)]),
            new("Questions to ask yourself", [SummaryBlock.List(content.ReflectiveQuestions)]),
        };
        return new($"{s.Theme}: learning from a multi-agency case audit", $"{(s.AuditType == AuditType.InDepth ? "In-depth" : "Desktop")} audit {s.CycleId}",
            sections);
    }

    private static List<SummaryBlock> HowItWasDone(CycleState s, LearningSummaryContent content)
    {
        var cases = s.Cases.Count;
        var blocks = new List<SummaryBlock>
        {
            SummaryBlock.Para($"{(s.AuditType == AuditType.InDepth ? "An in-depth" : "A desktop")} audit of {cases} case{(cases == 1 ? "" : "s")} " +
                $"by {s.Agencies.Count} agencies."),
            SummaryBlock.List(s.Agencies.Values.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a =>
                InScope(s.Cases.Count(c => c.AgenciesInScope.Contains(a.Code)), cases, a.Name))),
        };
        // Months, not days: the audit's own dates need no precision, and a full date reads like a date of birth to the check.
        static string Month(DateTimeOffset at) => WorkingCalendar.UkDate(at).ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        var dates = new List<string> { $"The audit started in {Month(s.CreatedAt)}." };
        if (s.SubmissionDeadline is { } due) dates.Add($"Agencies' submissions were due in {Month(due)}.");
        if (s.Meeting is { Held: true, Start: { } held }) dates.Add($"The multi-agency meeting was held in {Month(held)}.");
        blocks.Add(SummaryBlock.List(dates));
        blocks.AddRange(Paragraphs(content.Process));
        return blocks;
    }

    /// <summary>A recommendation, then its lettered sub-actions (6a, 6b) with their owners and due dates, once the plan has them.</summary>
    private static string InScope(int inScope, int cases, string agency) =>
        $"{inScope} of {cases} cases {(inScope == 1 ? "was" : "were")} in scope for {agency}.";

    private static IEnumerable<string> WithSubActions(CycleState s, Recommendation r) =>
        s.Actions.Values.Where(a => a.RecommendationId == r.Id).OrderBy(a => a.Id.Length).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => $"{Actions.ActionOwners.Label(s, a)}: {a.Description} ({Actions.ActionOwners.Name(s, a.AgencyCode)}, due {a.DueDate.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))})")
            .Prepend($"{r.Id}: {r.Text}");

    private static List<SummaryBlock> PerCase(CycleState s, Func<CaseFindings, IEnumerable<string>> what) => s.Cases
        .Where(c => s.Findings.ContainsKey(c.CaseRef))
        .SelectMany(c => new[] { SummaryBlock.Sub($"Case {c.CaseRef}"), SummaryBlock.List(what(s.Findings[c.CaseRef])) }).ToList();

    private static IEnumerable<SummaryBlock> Paragraphs(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(SummaryBlock.Para);

    /// <summary>Every piece of text, with the section it is in: what the identifier check reads.</summary>
    public IEnumerable<(string Section, string Text)> Texts() => Sections.SelectMany(section => section.Blocks
        .SelectMany(b => b.Kind == BlockKind.Bullets ? b.Items! : [b.Text]).Select(text => (section.Heading, text)));
}

/// <summary>A possible identifier in the summary: where, what it looks like, and the start of the text it is in.</summary>
public sealed record IdentifierHit(string Section, string Problem, string Excerpt);

public static class SummaryScreen
{
    /// <summary>Why approval waits, naming each hit's section.</summary>
    public static string Explain(IReadOnlyList<IdentifierHit> hits) =>
        "The summary may still identify someone. Resolve each before approving: " + string.Join("; ", hits.Select(h => $"{h.Section}: {h.Problem}")) + ".";

    /// <summary>The whole text, section by section, through the identifier guard (and the partnership's names, when known).</summary>
    public static IReadOnlyList<IdentifierHit> Hits(LearningSummaryDocument document, IReadOnlyCollection<string>? names = null) =>
        document.Texts().Select(t => (t.Section, t.Text, Problem: Privacy.IdentifierGuard.TextProblem(t.Text, names)))
            .Where(x => x.Problem is not null)
            .Select(x => new IdentifierHit(x.Section, x.Problem!, x.Text.Length <= 60 ? x.Text : x.Text[..60] + "…")).ToList();
}

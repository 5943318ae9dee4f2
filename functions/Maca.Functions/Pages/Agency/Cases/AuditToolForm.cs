using Maca.Orchestrations.Submissions;

namespace Maca.Functions.Pages.Agency.Cases;

/// <summary>
/// The audit tool as form fields: "grade-3", "yes-3" and "comment-3" for question 3. Reads what was posted,
/// keeps it to show again, and turns it into answers (a draft keeps only graded questions).
/// </summary>
public sealed class AuditToolForm
{
    public static readonly (Grade Grade, string Words)[] Grades =
    [
        (Grade.Outstanding, "Outstanding"), (Grade.Good, "Good"), (Grade.RequiresImprovement, "Requires improvement"),
        (Grade.Inadequate, "Inadequate"), (Grade.NotApplicable, "Not applicable"),
    ];

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string? Value(string field) => _values.GetValueOrDefault(field);

    public static AuditToolForm From(IReadOnlyList<AuditAnswer>? answers)
    {
        var form = new AuditToolForm();
        foreach (var a in answers ?? [])
        {
            form._values[$"grade-{a.Question}"] = a.Grade.ToString();
            form._values[$"comment-{a.Question}"] = a.Comment ?? "";
            if (a.Yes is { } yes) form._values[$"yes-{a.Question}"] = yes ? "yes" : "no";
        }
        return form;
    }

    public static AuditToolForm From(IReadOnlyDictionary<string, string> posted)
    {
        var form = new AuditToolForm();
        foreach (var (key, value) in posted)
            if (key.StartsWith("grade-", StringComparison.Ordinal) || key.StartsWith("yes-", StringComparison.Ordinal)
                || key.StartsWith("comment-", StringComparison.Ordinal))
                form._values[key] = value;
        return form;
    }

    /// <summary>Every question's problem, in order, for the error summary; none means the tool is complete.</summary>
    public IEnumerable<(string Field, string Message)> Missing(IReadOnlyList<AuditQuestion> questions)
    {
        foreach (var q in questions)
        {
            if (GradeOf(q) is null) yield return ($"grade-{q.Number}", $"Choose a grade for question {q.Number} ({q.Area})");
            if (q.AsksYesNo && YesOf(q) is null) yield return ($"yes-{q.Number}", $"Answer yes or no for question {q.Number} ({q.Area})");
            if (string.IsNullOrWhiteSpace(Value($"comment-{q.Number}")))
                yield return ($"comment-{q.Number}", $"Add a comment for question {q.Number} ({q.Area})");
        }
    }

    public IReadOnlyList<AuditAnswer> Answers(IReadOnlyList<AuditQuestion> questions) => questions
        .Where(q => GradeOf(q) is not null)
        .Select(q => new AuditAnswer(q.Number, GradeOf(q)!.Value, Value($"comment-{q.Number}")?.Trim() ?? "", q.AsksYesNo ? YesOf(q) : null))
        .ToList();

    private Grade? GradeOf(AuditQuestion q) =>
        Enum.TryParse<Grade>(Value($"grade-{q.Number}"), out var g) && Enum.IsDefined(g) && !int.TryParse(Value($"grade-{q.Number}"), out _) ? g : null;

    private bool? YesOf(AuditQuestion q) => Value($"yes-{q.Number}") switch { "yes" => true, "no" => false, _ => null };

    public static string Words(Grade grade) => Grades.First(g => g.Grade == grade).Words;
}

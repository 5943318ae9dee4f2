namespace Maca.Functions.Pages.Shared;

/// <summary>
/// A form's errors, field by field, in the order the fields appear, for the GOV.UK error summary (each links to its
/// field) and the message above each field.
/// </summary>
public sealed class FormErrors
{
    private readonly List<(string Field, string Message)> _errors = [];

    public bool Any => _errors.Count > 0;

    /// <summary>The names the cycle's partnership keeps out, which <see cref="Text"/> refuses too.</summary>
    public IReadOnlyCollection<string> NamesToKeepOut { get; set; } = [];
    public IReadOnlyList<(string Field, string Message)> All => _errors;

    public void Add(string field, string message)
    {
        if (For(field) is null) _errors.Add((field, message));
    }

    /// <summary>Problems keyed by JSON path ("agenciesInvolved[0]") land on the form field they belong to.</summary>
    public void AddAll(IReadOnlyDictionary<string, string[]> problems)
    {
        foreach (var (path, messages) in problems) Add(path.Split('[', '.')[0], messages[0]);
    }

    /// <summary>
    /// A free-text field: the message when it is blank (if it is required), or the screen's objection to its
    /// content (an identifier, markup, a name to keep out).
    /// </summary>
    public void Text(string field, string? value, string? whenMissing = null)
    {
        if (string.IsNullOrWhiteSpace(value)) { if (whenMissing is not null) Add(field, whenMissing); }
        else if (Input.InputScreen.TextProblem(value, NamesToKeepOut) is { } problem) Add(field, problem);
    }

    public string? For(string field) => _errors.FirstOrDefault(e => e.Field == field).Message;

    public string GroupClass(string field) => For(field) is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error";
}

using System.Text.RegularExpressions;

namespace Maca.Orchestrations.Nominations;

/// <summary>
/// Keeps real identifiers out: a case reference must look pseudonymous, and free text must not carry
/// an NHS number or a date that could be a date of birth.
/// </summary>
public static partial class IdentifierGuard
{
    public static string? CaseReferenceProblem(string? caseRef)
    {
        if (string.IsNullOrWhiteSpace(caseRef)) return "Enter a case reference.";
        if (!CaseRefShape().IsMatch(caseRef))
            return "A case reference is 3 to 20 capital letters, digits or hyphens, such as MACA-24-017.";
        if (!caseRef.Any(char.IsLetter))
            return "A case reference must contain at least one letter, so it cannot be mistaken for an NHS or system number.";
        return TextProblem(caseRef);
    }

    public static string? TextProblem(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (NhsNumber().IsMatch(text))
            return "This looks like an NHS number. Use the pseudonymous case reference instead.";
        if (DateLike().IsMatch(text))
            return "This looks like a date of birth. Record an age band, not a date.";
        return null;
    }

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9-]{2,19}$")]
    private static partial Regex CaseRefShape();

    // Ten digits, alone or grouped 3-3-4 with spaces or hyphens.
    [GeneratedRegex(@"(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)")]
    private static partial Regex NhsNumber();

    // 12/03/2015, 12-03-15, 2015-03-12, 12.03.2015, or 12 March 2015.
    [GeneratedRegex(@"(?<!\d)(\d{1,2}[/.-]\d{1,2}[/.-](\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?!\d)|\b\d{1,2}(st|nd|rd|th)?\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d{4}\b|\bDOB\b|date of birth", RegexOptions.IgnoreCase)]
    private static partial Regex DateLike();
}

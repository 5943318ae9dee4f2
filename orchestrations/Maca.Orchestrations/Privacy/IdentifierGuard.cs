using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Maca.Orchestrations.Privacy;

/// <summary>
/// Keeps real identifiers out of every field: a case reference must look pseudonymous, and no text may carry an
/// NHS number, a date of birth, a UK postcode or a name from the partnership's own list. Text is normalised first
/// (compatibility forms folded, invisible characters removed, separators between digits collapsed), so that
/// "943​476​5919" with zero-width spaces, or full-width digits, is caught like the plain form.
/// </summary>
public static partial class IdentifierGuard
{
    public static string? CaseReferenceProblem(string? caseRef)
    {
        if (string.IsNullOrWhiteSpace(caseRef)) return "Enter a case reference.";
        if (!CaseRefShape().IsMatch(caseRef))
            return "A case reference is 3 to 20 capital letters, digits or hyphens, such as MACA-24-017.";
        if (!caseRef.Any(char.IsLetter))
            return "A case reference must contain at least one letter, so it cannot be mistaken for an NHS or system "
                + "number.";
        return HiddenInCaseReference(caseRef) ?? TextProblem(caseRef);
    }

    /// <summary>
    /// An NHS number or a postcode inside a reference, where free text's word boundaries do not help:
    /// "N943-476-5919" and "A9434765919" hold an NHS number, "SW1A-1AA" a postcode. "SH-2026-03" holds neither.
    /// </summary>
    public static string? HiddenInCaseReference(string? caseRef)
    {
        if (string.IsNullOrEmpty(caseRef)) return null;
        var plain = Normalise(caseRef);
        // Digits run together across hyphens; ten that pass the NHS check are one, whatever letters stand beside them.
        if (DigitRuns().Matches(plain).Select(m => DigitSeparators().Replace(m.Value, "$1"))
            .Any(digits => digits.Length == 10 && PassesModulus11(digits)))
            return "This case reference contains an NHS number. Use the partnership's pseudonymous reference instead.";
        if (Postcode().IsMatch(plain.Replace('-', ' ').Replace('_', ' ').Replace('.', ' ')))
            return "This case reference contains a postcode. Use the partnership's pseudonymous reference instead.";
        return null;
    }

    public static string? TextProblem(string? text, IReadOnlyCollection<string>? names = null)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var plain = Normalise(text);
        if (ContainsNhsNumber(DigitSeparators().Replace(plain, "$1")))
            return "This looks like an NHS number. Use the pseudonymous case reference instead.";
        if (DateLike().IsMatch(plain))
            return "This looks like a date of birth. Record an age band, not a date.";
        if (Postcode().IsMatch(plain))
            return "This looks like a postcode. Leave addresses out; describe the area in general words if it matters.";
        return NameProblemIn(plain, names);
    }

    /// <summary>Only the partnership's own names: for text already screened for identifier shapes elsewhere.</summary>
    public static string? NameProblem(string? text, IReadOnlyCollection<string>? names) =>
        string.IsNullOrEmpty(text) ? null : NameProblemIn(Normalise(text), names);

    private static string? NameProblemIn(string plain, IReadOnlyCollection<string>? names) =>
        names is { Count: > 0 } && names.FirstOrDefault(n => ContainsWord(plain, n)) is { } name
            ? $"This contains \"{name}\", a name on the partnership's list of names to keep out. "
                + "Use the case reference instead."
            : null;

    /// <summary>Folds look-alike characters, drops invisible ones, and makes every dash a hyphen and every space a space.</summary>
    public static string Normalise(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var visible = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Format: break; // zero-width spaces and joiners, soft hyphens, direction marks
                case UnicodeCategory.Control when c is not ('\n' or '\r' or '\t'): break;
                case UnicodeCategory.DashPunctuation: visible.Append('-'); break;
                case UnicodeCategory.SpaceSeparator: visible.Append(' '); break;
                default: visible.Append(c); break;
            }
        }
        return visible.ToString();
    }

    private static bool ContainsNhsNumber(string plain) =>
        TenDigits().Matches(plain).Any(m => PassesModulus11(m.Value));

    /// <summary>The NHS number check digit: weights 10 down to 2 on the first nine digits, 11 minus the remainder.</summary>
    public static bool PassesModulus11(string digits)
    {
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit)) return false;
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (digits[i] - '0') * (10 - i);
        var check = 11 - sum % 11;
        if (check == 11) check = 0;
        return check != 10 && check == digits[9] - '0';
    }

    private static bool ContainsWord(string text, string name) =>
        name.Trim().Length >= 2 && Regex.IsMatch(text, $@"(?<![\p{{L}}]){Regex.Escape(name.Trim())}(?![\p{{L}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9-]{2,19}$")]
    private static partial Regex CaseRefShape();

    // For the NHS check: "943 476 5919", "943-476-5919" and "943.476.5919" all become "9434765919".
    [GeneratedRegex(@"(\d)[ .\-/]?(?=\d)")]
    private static partial Regex DigitSeparators();

    [GeneratedRegex(@"\d(?:[ .\-/]?\d)*")]
    private static partial Regex DigitRuns();

    // Ten digits standing alone: the digits inside an id such as c-6e6956328151 are not an NHS number.
    [GeneratedRegex(@"(?:(?<![\dA-Za-z])|(?<=NHS))\d{10}(?![\dA-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex TenDigits();

    // 12/03/2015, 1-3-15, 12.03.2015, 12 03 2015; 2015-03-12 or 20150312; 120315 or 12032015 (two-digit day and month,
    // standing alone: digits inside an id such as c-5a120315f are not a date);
    // written, such as "12 March 2015", "12th of Mar 15", "March 12, 2015"; or the words DOB, date of birth, born on.
    [GeneratedRegex(@"(?<!\d)(0?[1-9]|[12]\d|3[01])[/.\- ](0?[1-9]|1[0-2])[/.\- ]((19|20)\d{2}|\d{2})(?!\d)"
        + @"|(?<![\dA-Za-z])(19|20)\d{2}[/.\-]?(0[1-9]|1[0-2])[/.\-]?(0[1-9]|[12]\d|3[01])(?![\dA-Za-z])"
        + @"|(?<![\dA-Za-z])(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])((19|20)\d{2}|\d{2})(?![\dA-Za-z])"
        + @"|\b\d{1,2}(st|nd|rd|th)?\s+(of\s+)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*,?\s+(\d{4}|\d{2})\b"
        + @"|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}\b"
        + @"|\bD\.?O\.?B\b|date of birth|\bborn on\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateLike();

    // A UK postcode: outward code (A9, A99, AA9, AA99, A9A, AA9A) and inward code (9AA), with or without the space.
    [GeneratedRegex(@"\b(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKS-UW]|[A-HK-Y][0-9][ABEHMNPRV-Y]) ?[0-9][ABD-HJLNP-UW-Z]{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Postcode();
}

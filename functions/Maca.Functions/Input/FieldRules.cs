using System.Text.RegularExpressions;

namespace Maca.Functions.Input;

/// <summary>
/// What any one field may hold, decided by its name: an identifier (ids, codes, case references), a short
/// single-line label, an email address, or free text. Each has a stated length limit.
/// </summary>
public static partial class FieldRules
{
    public const int MaxIdLength = 64, MaxLabelLength = 200, MaxTextLength = 4000, MaxListItems = 100;
    public static readonly DateOnly EarliestDate = new(2000, 1, 1), LatestDate = new(2100, 12, 31);

    /// <summary>
    /// Name is the one kind the name check skips: the partnership's own list of names to keep out. A case reference
    /// is an identifier that must also hide no NHS number or postcode.
    /// </summary>
    public enum Kind { Identifier, CaseReference, Label, Email, Name, Text }

    private static readonly HashSet<string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "Theme", "Themes", "Location", "Category", "AgeBand", "Gender", "Ethnicity", "Name", "Area", "Kind",
    };

    public static Kind KindOf(string propertyName) => propertyName switch
    {
        _ when propertyName.EndsWith("Email", StringComparison.Ordinal) => Kind.Email,
        "NamesToKeepOut" => Kind.Name,
        "CaseRef" => Kind.CaseReference,
        _ when propertyName.EndsWith("Id", StringComparison.Ordinal) || propertyName.EndsWith("Code", StringComparison.Ordinal)
            || propertyName.EndsWith("Codes", StringComparison.Ordinal)
            || propertyName.EndsWith("Involved", StringComparison.Ordinal)
            || propertyName.EndsWith("InScope", StringComparison.Ordinal) => Kind.Identifier,
        _ when Labels.Contains(propertyName) || propertyName.EndsWith("Ref", StringComparison.Ordinal) => Kind.Label,
        _ => Kind.Text,
    };

    /// <summary>Every id in a route or a body: letters, digits, '.', '_' and '-', starting with a letter or digit.</summary>
    public static bool IsIdentifier(string value) => IdentifierShape().IsMatch(value);

    public static int MaxLength(Kind kind) => kind switch
    {
        Kind.Identifier or Kind.CaseReference => MaxIdLength,
        Kind.Label or Kind.Email or Kind.Name => MaxLabelLength,
        _ => MaxTextLength,
    };

    /// <summary>Null when the characters are acceptable; otherwise what is wrong, in plain words.</summary>
    public static string? CharacterProblem(string value, Kind kind)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return "contains a broken character (invalid Unicode)";
            var lineBreak = c is '\n' or '\r' or '\t';
            if (lineBreak && kind == Kind.Text) continue;
            if (lineBreak) return "must be on one line";
            if (char.IsControl(c)) return "contains a control character";
            if (IsInvisible(c)) return $"contains a hidden character (U+{(int)c:X4}) that can disguise what it says";
        }
        return null;
    }

    /// <summary>
    /// Zero-width spaces and joiners, direction marks, embeddings, overrides and isolates, the word joiner and the
    /// byte-order mark: they hide an identifier from the eye, or make text read differently from what is stored.
    /// </summary>
    private static bool IsInvisible(char c) =>
        c is >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'
            or '\u2060' or '\uFEFF';

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdentifierShape();
}

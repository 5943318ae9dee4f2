using Maca.Orchestrations.Privacy;
using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Maca.Orchestrations.Nominations;

namespace Maca.Functions.Input;

/// <summary>
/// Screens a command or request body before it reaches the workflow: every string has the characters and length
/// its kind allows and carries no NHS number or date of birth, every list is free of nulls and not too long,
/// every enum value is one that exists, and every date lies between 2000 and 2100. Problems are keyed by the
/// field's JSON path, in words a coordinator understands.
/// </summary>
public static class InputScreen
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();
    private static readonly string TooMany = $"List at most {FieldRules.MaxListItems} items.";

    /// <param name="names">The partnership's names to keep out of every field, where the partnership is known.</param>
    public static Dictionary<string, string[]> Problems(object? body, IReadOnlyCollection<string>? names = null)
    {
        var problems = new Dictionary<string, string[]>();
        if (body is not null) Walk(body, "", FieldRules.Kind.Text, problems, (text, kind) => Screen(text, kind, names), 0);
        return problems;
    }

    /// <summary>
    /// Only the partnership's names, in every field but its own list and contact addresses: the last check before a
    /// command is decided, whichever page or endpoint it came from.
    /// </summary>
    public static Dictionary<string, string[]> NameProblems(object command, IReadOnlyCollection<string> names)
    {
        var problems = new Dictionary<string, string[]>();
        if (names.Count > 0)
            Walk(command, "", FieldRules.Kind.Text, problems, (text, kind) =>
                kind is FieldRules.Kind.Name or FieldRules.Kind.Email ? null : IdentifierGuard.NameProblem(text, names), 0);
        return problems;
    }

    /// <summary>A free-text value that arrives outside a body, such as a reason in the query string.</summary>
    public static string? TextProblem(string? text, IReadOnlyCollection<string>? names = null) =>
        text is null ? null : Screen(text, FieldRules.Kind.Text, names);

    private static void Walk(object? value, string path, FieldRules.Kind kind, Dictionary<string, string[]> problems,
        Func<string, FieldRules.Kind, string?> screen, int depth)
    {
        if (depth > 8 || problems.ContainsKey(path)) return;
        switch (value)
        {
            case null:
                return; // a missing required field is the deserializer's or the workflow's to name
            case string text:
                if (screen(text, kind) is { } problem) problems[Display(path)] = [problem];
                return;
            case Enum e:
                if (!Enum.IsDefined(e.GetType(), e)) problems[Display(path)] = ["Choose one of the listed values."];
                return;
            case DateOnly date:
                if (date < FieldRules.EarliestDate || date > FieldRules.LatestDate)
                    problems[Display(path)] = ["Enter a date between 2000 and 2100."];
                return;
            case DateTimeOffset instant:
                var day = DateOnly.FromDateTime(instant.UtcDateTime);
                if (day < FieldRules.EarliestDate || day > FieldRules.LatestDate)
                    problems[Display(path)] = ["Enter a date and time between 2000 and 2100."];
                return;
            case IDictionary map:
                if (map.Count > FieldRules.MaxListItems) { problems[Display(path)] = [TooMany]; return; }
                foreach (DictionaryEntry entry in map)
                {
                    var key = entry.Key.ToString() ?? "";
                    if (!FieldRules.IsIdentifier(key))
                    {
                        problems[Display(path)] = [$"'{Shorten(key)}' is not a valid code or id."];
                        return;
                    }
                    if (entry.Value is null) { problems[Display($"{path}.{key}")] = ["Enter a value."]; return; }
                    Walk(entry.Value, $"{path}.{key}", kind, problems, screen, depth + 1);
                }
                return;
            case IEnumerable list:
                var index = 0;
                foreach (var item in list)
                {
                    if (index >= FieldRules.MaxListItems) { problems[Display(path)] = [TooMany]; return; }
                    if (item is null) { problems[Display($"{path}[{index}]")] = ["A list cannot contain an empty (null) item."]; return; }
                    Walk(item, $"{path}[{index++}]", kind, problems, screen, depth + 1);
                }
                return;
            case bool or int or long or double or decimal or Guid or TimeSpan:
                return;
            default:
                foreach (var property in Properties.GetOrAdd(value.GetType(), Readable))
                {
                    var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                    var field = path.Length == 0 ? name : $"{path}.{name}";
                    Walk(property.GetValue(value), field, FieldRules.KindOf(property.Name), problems, screen, depth + 1);
                }
                return;
        }
    }

    private static string? Screen(string text, FieldRules.Kind kind, IReadOnlyCollection<string>? names)
    {
        if (text.Length > FieldRules.MaxLength(kind)) return $"Keep this under {FieldRules.MaxLength(kind):N0} characters.";
        if (FieldRules.CharacterProblem(text, kind) is { } characters) return $"This {characters}.";
        var identifier = kind is FieldRules.Kind.Identifier or FieldRules.Kind.CaseReference;
        if (identifier && text.Length > 0 && !FieldRules.IsIdentifier(text))
            return "Use letters, digits, dots, hyphens or underscores only.";
        if (kind == FieldRules.Kind.CaseReference) return IdentifierGuard.HiddenInCaseReference(text);
        if (kind is FieldRules.Kind.Label or FieldRules.Kind.Text) return IdentifierGuard.TextProblem(text, names);
        return null;
    }

    private static PropertyInfo[] Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract").ToArray();

    private static string Display(string path) => path.Length == 0 ? "body" : path;

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;
}

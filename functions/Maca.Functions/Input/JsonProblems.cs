using System.Text.Json;
using System.Text.RegularExpressions;

namespace Maca.Functions.Input;

/// <summary>
/// Says what is wrong with a body the JSON reader refused, naming the field and what it should be, and never
/// the serializer's own wording (which names our .NET types).
/// </summary>
public static partial class JsonProblems
{
    public static (string Field, string Message) Describe(JsonException ex)
    {
        var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
        var text = ex.Message;
        if (Unmapped().Match(text) is { Success: true } unmapped)
            return (unmapped.Groups[1].Value, $"'{unmapped.Groups[1].Value}' is not a field of this request. Remove it.");
        if (MissingRequired().Match(text) is { Success: true } missing)
            return ("body", $"Required fields are missing: {missing.Groups[1].Value.Trim().TrimEnd('.').Replace("'", "")}.");
        if (NullNotAllowed().Match(text) is { Success: true } nulled)
            return (nulled.Groups[1].Value, $"'{nulled.Groups[1].Value}' needs a value; it cannot be null.");
        if (text.Contains("could not be converted", StringComparison.Ordinal))
            return (field, $"The value of '{field}' is not of the right kind: it should be {Expected(text)}.");
        return (field, "The request body is not valid JSON (check quotes, commas and brackets, and that the text is UTF-8).");
    }

    private static string Expected(string message) => message switch
    {
        _ when message.Contains("DateOnly") => "a date such as 2027-03-31",
        _ when message.Contains("DateTimeOffset") => "a date and time such as 2027-03-31T10:00:00Z",
        _ when message.Contains("Int32") || message.Contains("Int64") => "a whole number",
        _ when message.Contains("Boolean") => "true or false",
        _ when message.Contains("String") => "text in quotes",
        _ when message.Contains("List") || message.Contains("IReadOnlyList") || message.Contains("[]") => "a list in square brackets",
        _ when message.Contains("Dictionary") => "an object of names and values",
        _ => "one of the values this field allows",
    };

    [GeneratedRegex(@"JSON property '([^']{1,100})' could not be mapped")]
    private static partial Regex Unmapped();

    [GeneratedRegex(@"missing required properties[^:]{0,40}:\s*([^\r\n]{1,300})")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"(?:constructor parameter|property) '([^']{1,100})'.*(?:doesn't|does not) allow null")]
    private static partial Regex NullNotAllowed();
}

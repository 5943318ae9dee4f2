using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Maca.Functions.Directory;

/// <summary>
/// A Safeguarding Children Partnership: who runs its audits, who gets its learning, how long it keeps documents,
/// and the names it wants kept out of every field (for example the names of children in current cases).
/// </summary>
public sealed record Partnership(string Id, string Name, string CoordinatorEmail, string ManagerEmail, string LearningDevelopmentEmail,
    int RetentionDays, IReadOnlyList<string> Themes, IReadOnlyList<string>? NamesToKeepOut = null);

/// <summary>An agency in the partnership, with the three people an audit writes to.</summary>
public sealed record Agency(string Code, string Name, string LeadEmail, string QaEmail, string SeniorEmail);

public static partial class DirectoryValidation
{
    public static Dictionary<string, string[]> Problems(Partnership p)
    {
        var errors = new Dictionary<string, string[]>();
        if (!IdShape().IsMatch(p.Id ?? "")) errors["id"] = ["Use 2 to 40 lower-case letters, digits or hyphens."];
        if (string.IsNullOrWhiteSpace(p.Name)) errors["name"] = ["Enter the partnership's name."];
        Email(errors, "coordinatorEmail", p.CoordinatorEmail);
        Email(errors, "managerEmail", p.ManagerEmail);
        Email(errors, "learningDevelopmentEmail", p.LearningDevelopmentEmail);
        if (p.RetentionDays is < 30 or > 3650) errors["retentionDays"] = ["Keep documents for between 30 and 3,650 days."];
        if (p.Themes is null || p.Themes.Count == 0 || p.Themes.Any(string.IsNullOrWhiteSpace))
            errors["themes"] = ["List at least one board priority theme."];
        if (p.NamesToKeepOut?.Any(n => n.Trim().Length < 2) == true)
            errors["namesToKeepOut"] = ["Each name to keep out needs at least two letters."];
        return errors;
    }

    public static Dictionary<string, string[]> Problems(Agency a)
    {
        var errors = new Dictionary<string, string[]>();
        if (!CodeShape().IsMatch(a.Code ?? "")) errors["code"] = ["Use 2 to 8 capital letters or digits, such as POL or CAMHS."];
        if (string.IsNullOrWhiteSpace(a.Name)) errors["name"] = ["Enter the agency's name."];
        Email(errors, "leadEmail", a.LeadEmail);
        Email(errors, "qaEmail", a.QaEmail);
        Email(errors, "seniorEmail", a.SeniorEmail);
        return errors;
    }

    private static void Email(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (!MailAddress.TryCreate(value, out var parsed) || parsed.Address != value) errors[field] = ["Enter an email address like name@agency.example."];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex IdShape();

    [GeneratedRegex("^[A-Z0-9]{2,8}$")]
    private static partial Regex CodeShape();
}

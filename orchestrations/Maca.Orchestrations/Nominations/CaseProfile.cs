namespace Maca.Orchestrations.Nominations;

/// <summary>The non-identifying facts about a child that the selection balances. Never a name or date of birth.</summary>
public static class CaseProfile
{
    public static readonly IReadOnlyList<string> AgeBands = ["Under 1", "1 to 4", "5 to 10", "11 to 15", "16 to 17"];
    public static readonly IReadOnlyList<string> Genders = ["Female", "Male", "Non-binary", "Not recorded"];
    public static readonly IReadOnlyList<string> Ethnicities =
        ["White", "Mixed or multiple", "Asian or Asian British", "Black, Black British, Caribbean or African", "Other ethnic group", "Not recorded"];
}

public sealed record Nomination(
    string Id, string NominatedBy, string CaseRef, string AgeBand, string Gender, string Ethnicity, bool Disability,
    IReadOnlyList<string> AgenciesInvolved, string Reason);

public sealed record SelectedCase(string CaseRef, IReadOnlyList<string> AgenciesInScope);

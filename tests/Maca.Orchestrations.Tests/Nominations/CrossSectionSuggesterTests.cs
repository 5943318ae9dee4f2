using Maca.Orchestrations.Nominations;

namespace Maca.Orchestrations.Tests.Nominations;

public sealed class CrossSectionSuggesterTests
{
    private static Nomination N(string id, string age, string gender, string ethnicity, bool disability, params string[] agencies) =>
        new(id, agencies[0], "MACA-" + id, age, gender, ethnicity, disability, agencies, "reason");

    [Fact]
    public void TheSuggestionPrefersVarietyOverNominationOrder()
    {
        var pool = new[]
        {
            N("1", "11 to 15", "Female", "White", false, "CSC", "POL"),
            N("2", "11 to 15", "Female", "White", false, "CSC", "POL"),   // adds nothing new
            N("3", "Under 1", "Male", "Black, Black British, Caribbean or African", true, "HEA", "CH"),
            N("4", "16 to 17", "Male", "White", false, "CSC", "EDU"),
        };

        var suggestion = CrossSectionSuggester.Suggest(pool, 3);

        Assert.Equal(["1", "3", "4"], suggestion.Suggested.Select(n => n.Id));
        var agencies = suggestion.Coverage.Single(c => c.Facet == "agencies");
        Assert.Equal(agencies.Available, agencies.Covered);
        Assert.Equal(["11 to 15", "16 to 17", "Under 1"], suggestion.Coverage.Single(c => c.Facet == "ageBand").Covered);
    }

    [Fact]
    public void AskingForMoreCasesThanNominatedSuggestsThemAll() =>
        Assert.Equal(2, CrossSectionSuggester.Suggest([N("1", "Under 1", "Male", "White", false, "CSC"), N("2", "Under 1", "Male", "White", false, "CSC")], 6).Suggested.Count);
}

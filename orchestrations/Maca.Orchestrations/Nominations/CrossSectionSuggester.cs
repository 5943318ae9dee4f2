namespace Maca.Orchestrations.Nominations;

/// <summary>How much of the nominated variety a set of cases covers, facet by facet.</summary>
public sealed record Coverage(string Facet, IReadOnlyList<string> Covered, IReadOnlyList<string> Available);

public sealed record CrossSection(IReadOnlyList<Nomination> Suggested, IReadOnlyList<Coverage> Coverage);

/// <summary>
/// Suggests a cross-section of children, needs and services: greedily adds the nomination that covers the most
/// age bands, genders, ethnicities, disability and agencies not yet covered; ties go to the earlier nomination.
/// </summary>
public static class CrossSectionSuggester
{
    public static CrossSection Suggest(IReadOnlyList<Nomination> nominations, int target)
    {
        var chosen = new List<Nomination>();
        var covered = new HashSet<string>();
        while (chosen.Count < Math.Min(target, nominations.Count))
        {
            var best = nominations.Except(chosen)
                .Select((n, order) => (n, order, gain: Features(n).Count(f => !covered.Contains(f))))
                .OrderByDescending(x => x.gain).ThenBy(x => x.order).First().n;
            chosen.Add(best);
            covered.UnionWith(Features(best));
        }
        return new CrossSection(chosen, CoverageOf(chosen, nominations));
    }

    public static IReadOnlyList<Coverage> CoverageOf(IReadOnlyList<Nomination> selected, IReadOnlyList<Nomination> pool)
    {
        Coverage Facet(string name, Func<Nomination, IEnumerable<string>> values) => new(name,
            selected.SelectMany(values).Distinct().Order(StringComparer.Ordinal).ToList(),
            pool.SelectMany(values).Distinct().Order(StringComparer.Ordinal).ToList());
        return
        [
            Facet("ageBand", n => [n.AgeBand]),
            Facet("gender", n => [n.Gender]),
            Facet("ethnicity", n => [n.Ethnicity]),
            Facet("disability", n => [n.Disability ? "Disabled" : "Not disabled"]),
            Facet("agencies", n => n.AgenciesInvolved),
        ];
    }

    private static IEnumerable<string> Features(Nomination n) =>
        new[] { "age:" + n.AgeBand, "gender:" + n.Gender, "ethnicity:" + n.Ethnicity, "disability:" + n.Disability }
            .Concat(n.AgenciesInvolved.Select(a => "agency:" + a));
}

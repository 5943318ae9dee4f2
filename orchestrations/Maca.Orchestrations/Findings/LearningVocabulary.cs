namespace Maca.Orchestrations.Findings;

/// <summary>The controlled vocabulary for tagging findings, so learning can be compared across cycles.</summary>
public static class LearningThemes
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["VOC"] = "Voice of the child",
        ["CHR"] = "Chronologies and recording",
        ["FAM"] = "Fathers and wider family",
        ["INF"] = "Information sharing",
        ["RSK"] = "Risk assessment",
        ["THR"] = "Thresholds and escalation",
        ["MGT"] = "Management oversight and supervision",
        ["DRF"] = "Drift and delay",
        ["CUR"] = "Professional curiosity",
        ["DIV"] = "Diversity and identity",
        ["CON"] = "Contingency and transition planning",
        ["TRN"] = "Training and awareness",
        ["PAR"] = "Parental factors",
    };

    /// <summary>A theme's code, from its code or exact name in any case: "FAM" or "fathers and wider family".</summary>
    public static string? CodeOf(string? theme) => theme?.Trim() is { Length: > 0 } named
        ? All.FirstOrDefault(t => string.Equals(t.Key, named, StringComparison.OrdinalIgnoreCase)
            || string.Equals(t.Value, named, StringComparison.OrdinalIgnoreCase)).Key
        : null;

    /// <summary>Every theme as "code: name", for a refusal that says what would have been accepted.</summary>
    public static string Listed => string.Join("; ", All.Select(t => $"{t.Key}: {t.Value}"));
}

public static class RecommendationCategories
{
    public static readonly IReadOnlyList<string> All =
    [
        "Training and awareness", "Recording of information", "Supervision and case management", "Information sharing",
        "Referrals and follow-up", "Policy and procedure", "Service provision and resources",
    ];
}

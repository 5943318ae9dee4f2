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
}

public static class RecommendationCategories
{
    public static readonly IReadOnlyList<string> All =
    [
        "Training and awareness", "Recording of information", "Supervision and case management", "Information sharing",
        "Referrals and follow-up", "Policy and procedure", "Service provision and resources",
    ];
}

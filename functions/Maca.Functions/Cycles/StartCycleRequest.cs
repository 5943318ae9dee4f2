using System.Security.Cryptography;
using System.Text;
using Maca.Functions.Directory;
using Maca.Functions.Input;
using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Submissions;

namespace Maca.Functions.Cycles;

/// <summary>The coordinator's choice for a new cycle. Agencies are named by code and looked up in the directory.</summary>
public sealed record StartCycleRequest(
    string PartnershipId, string Theme, AuditType AuditType, IReadOnlyList<string> AgencyCodes, int TargetCases,
    Timetable? Timetable = null, ChaserLadder? SubmissionLadder = null, ChaserLadder? ActionLadder = null,
    IReadOnlyList<AuditQuestion>? Questions = null, IReadOnlyList<string>? NominatingAgencies = null) : IPartnershipScoped
{
    /// <summary>The same idempotency key always names the same cycle, so a retried start cannot make two.</summary>
    public static string NewCycleId(string partnershipId, string? idempotencyKey) => idempotencyKey is null
        ? "c-" + Guid.NewGuid().ToString("N")[..12]
        : "c-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{partnershipId}\n{idempotencyKey}")))[..12];

    public async Task<(StartCycle? Command, Dictionary<string, string[]> Problems, bool PartnershipMissing)> ResolveAsync(
        string cycleId, DirectoryStore directory, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        var partnership = await directory.GetPartnershipAsync(PartnershipId ?? "", ct);
        if (partnership is null) return (null, problems, true);
        if (!partnership.Themes.Contains(Theme, StringComparer.OrdinalIgnoreCase))
            problems["theme"] = [$"Choose one of the board's priority themes: {string.Join(", ", partnership.Themes)}."];
        var agencies = new List<AgencyContact>();
        foreach (var code in AgencyCodes ?? [])
        {
            if (await directory.GetAgencyAsync(PartnershipId!, code, ct) is { } a)
                agencies.Add(new AgencyContact(a.Code, a.Name, a.LeadEmail, a.QaEmail, a.SeniorEmail));
            else problems["agencyCodes"] = [$"{code} is not an agency of this partnership."];
        }
        // A partnership just added to the directory has no agencies yet: say so rather than naming each code.
        if (problems.ContainsKey("agencyCodes") && (await directory.AgenciesAsync(PartnershipId!, ct)).Count == 0)
            problems["agencyCodes"] = [$"{partnership.Name} has no agencies in the directory yet. Add its agencies (at "
                + "least two) on the Directory page, then start the audit."];
        if (problems.Count > 0) return (null, problems, false);
        var theme = partnership.Themes.First(t => string.Equals(t, Theme, StringComparison.OrdinalIgnoreCase));
        return (new StartCycle(cycleId, PartnershipId!, theme, AuditType, agencies, TargetCases, Timetable ?? new Timetable(),
            new PartnershipContacts(partnership.CoordinatorEmail, partnership.ManagerEmail, partnership.LearningDevelopmentEmail),
            SubmissionLadder, ActionLadder, Questions, NominatingAgencies), problems, false);
    }
}

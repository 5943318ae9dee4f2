using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Nominations;
using Maca.Orchestrations.Submissions;

namespace Maca.Orchestrations.Cycles;

public enum SubmissionStatus { Outstanding, Draft, Submitted, NotKnown, Missing }
public enum SummaryStatus { None, Draft, InReview, Approved, Published }
public enum ActionStatus { Open, Completed, Verified, CarriedForward }

/// <summary>One agency's response for one case; the answers are kept so a draft can be picked up again.</summary>
public sealed record SubmissionRecord(SubmissionStatus Status, string? ChronologyRef = null, DateTimeOffset? At = null,
    IReadOnlyList<AuditAnswer>? Answers = null, string? Note = null);

public sealed record MeetingState(
    ImmutableList<MeetingSlot> Slots,
    string Location,
    DateTimeOffset AvailabilityDeadline,
    ImmutableDictionary<string, IReadOnlyDictionary<string, bool>> Availability,
    string? BookedSlotId = null,
    DateTimeOffset? Start = null,
    DateTimeOffset? End = null,
    int Sequence = 0,
    bool Held = false);

/// <summary>How far the audit is assured about a case; a case not sufficiently assured needs a follow-up check action.</summary>
public enum CaseAssurance { Assured, PartiallyAssured, NotSufficientlyAssured }

public sealed record CaseFindings(IReadOnlyList<string> Strengths, IReadOnlyList<Finding> Findings, IReadOnlyDictionary<string, Grade> Gradings,
    CaseAssurance? Assurance = null);

public sealed record Recommendation(string Id, string Text, string Category);

/// <summary>A generated Word version of the learning summary, stored once and never changed.</summary>
public sealed record SummaryVersion(int Version, string ContentSha256, string Sha256, long Bytes, DateTimeOffset At);

public sealed record PlanAction(string Id, string? RecommendationId, string AgencyCode, string Description, DateOnly DueDate,
    DateTimeOffset DueAt, string SuccessMeasure, ActionStatus Status = ActionStatus.Open, int ProgressUpdates = 0,
    string? LatestUpdate = null, DateTimeOffset? LatestUpdateAt = null, IReadOnlyList<string>? EvidenceRefs = null, DateTimeOffset? CompletedAt = null, string? CaseRef = null);

/// <summary>Everything Decide needs about one cycle, rebuilt by folding its events with Evolve.</summary>
public sealed record CycleState
{
    public static readonly CycleState Initial = new();

    public int Version { get; init; }
    public CyclePhase Phase { get; init; } = CyclePhase.NotStarted;
    public bool Suspended { get; init; }
    public string CycleId { get; init; } = "";
    public string PartnershipId { get; init; } = "";
    public string Theme { get; init; } = "";
    public AuditType AuditType { get; init; }
    public int TargetCases { get; init; }
    public ImmutableDictionary<string, AgencyContact> Agencies { get; init; } = ImmutableDictionary<string, AgencyContact>.Empty;
    public PartnershipContacts Contacts { get; init; } = new("", "", "");
    public DateTimeOffset NominationsOpenAt { get; init; }
    public DateTimeOffset NominationsCloseAt { get; init; }
    public DateOnly? PlannedSubmissionDeadline { get; init; }
    public DateOnly? MeetingTarget { get; init; }
    public ChaserLadder SubmissionLadder { get; init; } = ChaserLadder.DefaultSubmission;
    public ChaserLadder ActionLadder { get; init; } = ChaserLadder.DefaultAction;
    public IReadOnlyList<AuditQuestion> Questions { get; init; } = DefaultAuditTool.Questions;
    /// <summary>The agencies asked to nominate cases; empty means every agency in the cycle.</summary>
    public ImmutableList<string> NominatingAgencies { get; init; } = [];
    public ImmutableDictionary<string, CaseDocument> Documents { get; init; } = ImmutableDictionary<string, CaseDocument>.Empty;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastUpdatedAt { get; init; }

    public ImmutableList<Nomination> Nominations { get; init; } = [];
    public int NominationsMade { get; init; }
    public ImmutableList<SelectedCase> Cases { get; init; } = [];
    public DateTimeOffset? SubmissionDeadline { get; init; }

    /// <summary>Keyed "AGENCY|CASEREF" for each in-scope pair.</summary>
    public ImmutableDictionary<string, SubmissionRecord> Submissions { get; init; } = ImmutableDictionary<string, SubmissionRecord>.Empty;
    public ImmutableDictionary<string, DateTimeOffset> AgencyDeadlines { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty;
    public ImmutableDictionary<string, DateTimeOffset> PendingExtensions { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty;

    public MeetingState? Meeting { get; init; }
    public ImmutableDictionary<string, CaseFindings> Findings { get; init; } = ImmutableDictionary<string, CaseFindings>.Empty;
    public ImmutableList<Recommendation> Recommendations { get; init; } = [];
    public SummaryStatus Summary { get; init; }
    public LearningSummaryContent? SummaryContent { get; init; }
    public ImmutableList<SummaryVersion> SummaryVersions { get; init; } = [];
    /// <summary>The stored Word version the summary was published as, when the app named one.</summary>
    public int? PublishedVersion { get; init; }
    public ImmutableDictionary<string, PlanAction> Actions { get; init; } = ImmutableDictionary<string, PlanAction>.Empty;
    public int ActionsAdded { get; init; }

    public ImmutableList<ScheduledStep> Schedule { get; init; } = [];
    public string? TerminationReason { get; init; }
    /// <summary>When the cycle closed or was stopped: the retention period runs from here.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>When the retention job removed the cycle's stored files; its history and counts stay.</summary>
    public DateTimeOffset? DocumentsPurgedAt { get; init; }

    public static string SubmissionKey(string agency, string caseRef) => $"{agency}|{caseRef}";

    [JsonIgnore]
    public bool IsFinished => Phase is CyclePhase.Closed or CyclePhase.Terminated;

    /// <summary>When a finished cycle ended; a snapshot from before the end was kept falls back to its last change.</summary>
    [JsonIgnore]
    public DateTimeOffset? EndedAt => IsFinished ? FinishedAt ?? LastUpdatedAt : null;

    /// <summary>The next durable timer, or none while suspended or finished.</summary>
    [JsonIgnore]
    public DateTimeOffset? NextDueAt => Suspended || IsFinished || Schedule.IsEmpty ? null : Schedule.Min(s => s.DueAt);

    public DateTimeOffset DeadlineFor(string agency) =>
        AgencyDeadlines.TryGetValue(agency, out var d) ? d : SubmissionDeadline ?? DateTimeOffset.MaxValue;

    /// <summary>The in-scope case references an agency still owes something for.</summary>
    public IReadOnlyList<string> OutstandingCases(string agency) => Submissions
        .Where(s => s.Key.StartsWith(agency + "|", StringComparison.Ordinal) && s.Value.Status is SubmissionStatus.Outstanding or SubmissionStatus.Draft)
        .Select(s => s.Key[(agency.Length + 1)..]).Order(StringComparer.Ordinal).ToList();

    [JsonIgnore]
    public IEnumerable<AgencyContact> Nominators => Agencies.Values
        .Where(a => NominatingAgencies.IsEmpty || NominatingAgencies.Contains(a.Code)).OrderBy(a => a.Code, StringComparer.Ordinal);

    public IEnumerable<string> AgenciesInScope => Cases.SelectMany(c => c.AgenciesInScope).Distinct().Order(StringComparer.Ordinal);
}

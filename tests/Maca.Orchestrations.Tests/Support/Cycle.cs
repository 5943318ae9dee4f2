using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Nominations;
using Maca.Orchestrations.Submissions;

namespace Maca.Orchestrations.Tests.Support;

/// <summary>
/// Builds a cycle's history by driving the real decider, so each test starts from a true state.
/// The default timeline starts on Monday 23 November 2026 at 10:00 (GMT).
/// </summary>
public sealed class Cycle
{
    public static readonly DateTimeOffset Start = TestCalendar.Uk(2026, 11, 23, 10);
    private static readonly CycleDecider Decider = new(TestCalendar.Instance);
    private readonly List<CycleEvent> _events = [];

    public IReadOnlyList<CycleEvent> History => _events;
    public CycleState State => CycleEvolver.Fold(_events);

    public static AgencyContact Agency(string code) =>
        new(code, $"Agency {code}", $"lead@{code.ToLowerInvariant()}.example", $"qa@{code.ToLowerInvariant()}.example", $"senior@{code.ToLowerInvariant()}.example");

    public static readonly PartnershipContacts Contacts = new("coordinator@partnership.example", "manager@partnership.example", "learning@partnership.example");

    public static StartCycle StartCommand(AuditType type = AuditType.InDepth, Timetable? timetable = null, params string[] agencies) =>
        new("c-1", "demo", "Self harm", type, (agencies.Length > 0 ? agencies : ["CSC", "POL", "HEA"]).Select(Agency).ToList(),
            5, timetable ?? new Timetable(), Contacts);

    /// <summary>An event as history holds it, for a test that needs a fact no command of today would decide.</summary>
    public Cycle Append(CycleEvent e)
    {
        _events.Add(e);
        return this;
    }

    public Cycle Do(CycleCommand command, DateTimeOffset at)
    {
        var decision = Decider.Decide(command, State, at);
        if (decision.Rejection is { } r) throw new InvalidOperationException($"{command.GetType().Name} was rejected: {r.Message}");
        _events.AddRange(decision.Events);
        return this;
    }

    public static Cycle Started(AuditType type = AuditType.InDepth, params string[] agencies) =>
        new Cycle().Do(StartCommand(type, null, agencies), Start);

    public static NominateCase Nomination(string by, string caseRef, string age = "11 to 15", string gender = "Female",
        string ethnicity = "White", bool disability = false, params string[] involved) =>
        new(by, caseRef, age, gender, ethnicity, disability, involved.Length > 0 ? involved : [by], "Repeated self-harm presentations");

    /// <summary>Nominated, closed and selected: CSC knows both cases, POL only MACA-1, HEA only MACA-2.</summary>
    public static Cycle Selected(AuditType type = AuditType.InDepth) => Started(type)
        .Do(Nomination("CSC", "MACA-1", involved: ["CSC", "POL"]), Start.AddHours(1))
        .Do(Nomination("HEA", "MACA-2", involved: ["CSC", "HEA"]), Start.AddHours(2))
        .Do(new CloseNominations(), Start.AddHours(3))
        .Do(new SelectCases([new("MACA-1", ["CSC", "POL"]), new("MACA-2", ["CSC", "HEA"])]), Start.AddHours(4))
        .Do(Upload("CSC"), Start.AddHours(4)).Do(Upload("POL"), Start.AddHours(4)).Do(Upload("HEA"), Start.AddHours(4));

    /// <summary>The chronology each agency uploaded once cases were selected; submissions point at it.</summary>
    public static string Chronology(string agency) => $"doc-{agency.ToLowerInvariant()}";

    public static AttachDocument Upload(string agency, DocumentKind kind = DocumentKind.Chronology, string? id = null) =>
        new(agency, id ?? Chronology(agency), kind, $"{agency} chronology.pdf", new string('a', 64), 1024);

    public static IReadOnlyList<AuditAnswer> FullAnswers(CycleState s) =>
        s.Questions.Select(q => new AuditAnswer(q.Number, Grade.Good, "Seen and recorded well.", q.AsksYesNo ? true : null)).ToList();

    public Cycle SubmitAll(DateTimeOffset at)
    {
        foreach (var key in State.Submissions.Keys.Order(StringComparer.Ordinal).ToList())
        {
            var (agency, caseRef) = (key.Split('|')[0], key.Split('|')[1]);
            Do(new SubmitAuditTool(agency, caseRef, Chronology(agency), FullAnswers(State)), at);
        }
        return this;
    }
}

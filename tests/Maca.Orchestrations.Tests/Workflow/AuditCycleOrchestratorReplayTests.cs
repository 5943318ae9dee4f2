using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Tests.Support;
using Maca.Orchestrations.Workflow;

namespace Maca.Orchestrations.Tests.Workflow;

/// <summary>
/// The orchestrator is deterministic: the same recording (requests, timers, activity results) played twice gives
/// the same actions, in the same order, and they are the decisions the rules make.
/// </summary>
public sealed class AuditCycleOrchestratorReplayTests
{
    private static readonly DateTime Start = Cycle.Start.UtcDateTime;

    private static IReadOnlyList<CycleRequest> Recording() =>
    [
        new("start", "coordinator:a@p.example", Cycle.StartCommand(AuditType.Desktop, null, "CSC", "POL")),
        new("nominate", "agency:CSC", Cycle.Nomination("CSC", "RP-1", involved: ["CSC", "POL"])),
        new("nominate", "agency:CSC", Cycle.Nomination("CSC", "RP-1", involved: ["CSC", "POL"])),
        new("too-soon", "coordinator:a@p.example", new SelectCases([new("RP-1", ["CSC"])])),
    ];

    private static async Task<ScriptedOrchestrationContext> PlayAsync()
    {
        var context = new ScriptedOrchestrationContext("c-replay", Start, Recording());
        await context.RunAsync(new AuditCycleOrchestrator(new CycleDecider(TestCalendar.Instance)), CycleRun.New("c-replay"));
        return context;
    }

    [Fact]
    public async Task TheSameRecordingPlayedTwiceGivesTheSameActions()
    {
        var first = await PlayAsync();
        var second = await PlayAsync();

        Assert.Equal(first.Actions, second.Actions);
        Assert.True(first.Actions.Count > 10, string.Join("\n", first.Actions));
    }

    [Fact]
    public async Task ItRecordsEachDecisionOnceSendsItsEmailsAndTellsBackARefusal()
    {
        var context = await PlayAsync();
        var records = context.Actions.Where(a => a.StartsWith(CycleActivities.RecordDecision, StringComparison.Ordinal)).ToList();

        Assert.StartsWith($"{CycleActivities.RecordDecision}: from 0, CycleStarted NominationsOpened NotificationQueued", records[0]);
        Assert.Single(records, r => r.Contains("CaseNominated")); // the repeated request id is applied once
        Assert.EndsWith(", WrongPhase", records[2]); // cases chosen while nominations are open: refused, and recorded
        var emails = context.Actions.IndexOf(records[1]);
        Assert.Equal(2, context.Actions.Take(emails).Count(a => a.StartsWith(CycleActivities.SendEmail, StringComparison.Ordinal)));
        Assert.Contains("status Nominating v6", context.Actions);
    }

    [Fact]
    public async Task WhenNoCommandComesTheNextDueStepFiresOnItsTimer()
    {
        var context = new ScriptedOrchestrationContext("c-timer", Start, Recording().Take(2));
        await context.RunAsync(new AuditCycleOrchestrator(new CycleDecider(TestCalendar.Instance)), CycleRun.New("c-timer"));

        var fired = context.Actions.FindIndex(a => a.StartsWith("timer fired", StringComparison.Ordinal));
        Assert.True(fired > 0, string.Join("\n", context.Actions));
        Assert.Contains(context.Actions.Skip(fired), a => a.Contains("StepFired"));
    }
}

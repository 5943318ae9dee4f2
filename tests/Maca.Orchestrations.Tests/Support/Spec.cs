using System.Text.Json;
using Maca.Orchestrations.Cycles;

namespace Maca.Orchestrations.Tests.Support;

/// <summary>Given(events).When(command, at).Then(events): the decider as a table of facts.</summary>
public sealed class Spec(IReadOnlyList<CycleEvent> history)
{
    private static readonly CycleDecider Decider = new(TestCalendar.Instance);
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private Decision? _decision;

    public CycleState State { get; } = CycleEvolver.Fold(history);

    public static Spec Given(IEnumerable<CycleEvent> history) => new(history.ToList());

    public Spec When(CycleCommand command, DateTimeOffset at)
    {
        _decision = Decider.Decide(command, State, at);
        return this;
    }

    public IReadOnlyList<CycleEvent> Events =>
        _decision is { Rejection: null } d ? d.Events : throw new Xunit.Sdk.XunitException($"Rejected: {_decision?.Rejection}");

    /// <summary>Exactly these events, compared field by field (as JSON, since records compare lists by reference).</summary>
    public void Then(params CycleEvent[] expected) => Assert.Equal(Serialize(expected), Serialize(Events));

    public void ThenNothing() => Then();

    public Rejection ThenRejected(RejectionKind kind, string? field = null)
    {
        var rejection = _decision?.Rejection ?? throw new Xunit.Sdk.XunitException($"Expected a rejection, got {Serialize(_decision!.Events)}");
        Assert.Equal(kind, rejection.Kind);
        if (field is not null) Assert.Equal(field, rejection.Field);
        return rejection;
    }

    public T Single<T>() where T : CycleEvent => Assert.Single(Events.OfType<T>());

    public CycleState StateAfter => CycleEvolver.Fold(Events, State);

    private static string Serialize(IEnumerable<CycleEvent> events) => JsonSerializer.Serialize(events.ToArray(), Json);
}

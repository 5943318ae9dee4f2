using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Notifications;
using Maca.Orchestrations.Tests.Support;
using static Maca.Orchestrations.Tests.Support.TestCalendar;

namespace Maca.Orchestrations.Tests.Submissions;

public sealed class ExtensionTests
{
    private static readonly DateTimeOffset Asked = Uk(2026, 12, 10, 11);

    private static Cycle Requested() => Cycle.Selected()
        .Do(new RequestExtension("POL", new DateOnly(2027, 1, 6), "Records held on an archived system"), Asked);

    [Fact]
    public void AGrantedExtensionReplacesTheLadderAcrossChristmas()
    {
        var spec = Spec.Given(Requested().History).When(new GrantExtension("POL"), Asked.AddHours(1));

        Assert.Equal(Uk(2027, 1, 6, 17), spec.Single<ExtensionGranted>().NewDeadline);
        Assert.Equal(5, spec.Single<StepsCancelled>().StepIds.Count);
        // Tue 29 Dec is five working days before Wed 6 Jan once Christmas, Boxing Day (28th) and New Year are skipped.
        Assert.Equal(
            [Uk(2026, 12, 29), Uk(2027, 1, 4), Uk(2027, 1, 6), Uk(2027, 1, 7), Uk(2027, 1, 11)],
            spec.StateAfter.Schedule.Where(s => s.AgencyCode == "POL").OrderBy(s => s.DueAt).Select(s => s.DueAt));
        var notice = spec.Single<NotificationQueued>().Notification;
        Assert.Equal((NotificationKind.ExtensionGranted, "lead@pol.example"), (notice.Kind, notice.To.Single()));
    }

    [Fact]
    public void TheOtherAgenciesKeepTheOriginalDeadline()
    {
        var state = Spec.Given(Requested().History).When(new GrantExtension("POL"), Asked.AddHours(1)).StateAfter;
        Assert.Equal(Uk(2026, 12, 21, 17), state.DeadlineFor("CSC"));
        Assert.Contains(state.Schedule, s => s.AgencyCode == "CSC" && s.DueAt == Uk(2026, 12, 21));
    }

    [Fact]
    public void ARefusalTellsTheAgencyWhyAndKeepsItsLadder()
    {
        var spec = Spec.Given(Requested().History).When(new RefuseExtension("POL", "The meeting date is fixed"), Asked.AddHours(1));
        var notice = spec.Single<NotificationQueued>().Notification;
        Assert.Equal((NotificationKind.ExtensionRefused, "The meeting date is fixed"), (notice.Kind, notice.Note));
        Assert.Equal(5, spec.StateAfter.Schedule.Count(s => s.AgencyCode == "POL"));
    }

    [Fact]
    public void AnExtensionEarlierThanTheDeadlineIsRefusedAsBadInput() =>
        Spec.Given(Cycle.Selected().History).When(new RequestExtension("POL", new DateOnly(2026, 12, 18), "x"), Asked)
            .ThenRejected(RejectionKind.InvalidInput, "newDeadline");

    [Fact]
    public void GrantingWithNoDateWhenNothingWasAskedIsARuleError()
    {
        var rejection = Spec.Given(Cycle.Selected().History).When(new GrantExtension("POL"), Asked)
            .ThenRejected(RejectionKind.RuleBroken);
        Assert.Contains("POL has not asked for an extension", rejection.Message);
    }

    [Fact]
    public void GrantingAfterTheRequestWasRefusedNeedsADate() =>
        Spec.Given(Requested().Do(new RefuseExtension("POL", "The meeting date is fixed"), Asked.AddHours(1)).History)
            .When(new GrantExtension("POL"), Asked.AddHours(2)).ThenRejected(RejectionKind.RuleBroken);

    [Fact]
    public void RefusingWhenNothingWasAskedIsARuleError() =>
        Spec.Given(Cycle.Selected().History).When(new RefuseExtension("POL", "x"), Asked).ThenRejected(RejectionKind.RuleBroken);

    [Fact]
    public void StepsFromTheOldLadderNeverFireAfterTheExtension()
    {
        var granted = Requested().Do(new GrantExtension("POL"), Asked.AddHours(1));
        var spec = Spec.Given(granted.History).When(new Tick(), Uk(2026, 12, 22));
        Assert.DoesNotContain(spec.Events.OfType<NotificationQueued>(), n => n.Notification.AgencyCode == "POL");
        Assert.Contains(spec.Events.OfType<NotificationQueued>(), n => n.Notification.AgencyCode == "CSC" && n.Notification.Kind == NotificationKind.SubmissionOverdue);
    }
}

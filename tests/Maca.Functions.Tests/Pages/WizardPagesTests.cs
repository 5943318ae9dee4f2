using Maca.Functions.Tests.Infrastructure;
using static Maca.Functions.Tests.Cycles.CycleScript;
using static Maca.Functions.Tests.Pages.PageForms;

namespace Maca.Functions.Tests.Pages;

/// <summary>The wizard's rules that a browser cannot easily show: tampered hidden fields, and a double click on Start.</summary>
[Collection(AppCollection.Name)]
public sealed class WizardPagesTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private static (string, string)[] Answers(string partnership, string key, params (string, string)[] changes)
    {
        (string, string)[] all =
        [
            ("step", "check"), ("Answers.Key", key), ("Answers.PartnershipId", partnership), ("Answers.Theme", "Neglect"), ("Answers.AuditType", "Desktop"),
            ("Answers.Agencies", "CSC"), ("Answers.Agencies", "POL"), ("Answers.Nominators", "CSC"), ("Answers.Nominators", "POL"),
            ("Answers.TargetCases", "3"), ("Answers.NominationsOpen", "2029-10-01"), ("Answers.NominationsClose", "2029-10-15"),
            ("Answers.SubmissionDeadline", "2029-11-26"), ("Answers.MeetingTarget", "2029-12-10"),
        ];
        return [.. all.Where(a => changes.All(c => c.Item1 != a.Item1)), .. changes];
    }

    [Fact]
    public async Task StartingTwiceWithTheSameFormMakesOneCycleAndTamperedFieldsAreCheckedAgain()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("wizpages", ["CSC", "POL"], "Neglect");
        await api.SeedPartnershipAsync("wizother", ["CSC", "EDU"], "Exploitation");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var coordinator = app.CreateCoordinatorClient(followRedirects: false);

        var first = await PageAsync(await coordinator.GetAsync("/cycles/new"));
        Assert.Equal("Which partnership is this audit for? - Maca", first.Title); // two partnerships: ask which

        var tampered = await PageAsync(await coordinator.PostAsync("/cycles/new", Form(first, Answers("wizpages", "k1", ("Answers.Theme", "Knife crime")))));
        Assert.StartsWith("Error: What is the audit about?", tampered.Title);
        var foreignAgency = await PageAsync(await coordinator.PostAsync("/cycles/new",
            Form(first, Answers("wizpages", "k1", ("Answers.Agencies", "FIRE"), ("Answers.Nominators", "FIRE")))));
        Assert.StartsWith("Error: Which agencies take part?", foreignAgency.Title);

        var started = await coordinator.PostAsync("/cycles/new", Form(first, Answers("wizpages", "same-key")));
        var again = await coordinator.PostAsync("/cycles/new", Form(first, Answers("wizpages", "same-key")));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal(started.Headers.Location!.OriginalString.Split("?")[0], again.Headers.Location!.OriginalString.Split("?")[0]);
        var id = started.Headers.Location!.OriginalString.Split("?")[0].Split('/')[^1];
        var status = await api.StatusAsync(id, history: true);
        Assert.Single(status["historyEvents"]!.AsArray(), e => e!["eventType"]!.GetValue<string>() == "CycleStarted");
    }
}

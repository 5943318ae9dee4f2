using System.Text.Json;
using System.Text.Json.Nodes;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using static Maca.Functions.Tests.Cycles.CycleScript;

namespace Maca.Functions.Tests.Workflow;

/// <summary>
/// Two app processes on one task hub, each with its own worker id and sidecar, drive twenty desktop audits to the
/// end through their HTTP APIs, each command sent through one process or the other in turn, whichever holds the
/// cycle's partition: every step is taken once and every email sent once.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TwoProcessOrchestrationTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private const int Cycles = 20;
    private static readonly string[] Agencies = ["CSC", "POL", "EDU"];

    [Fact]
    public async Task TwoProcessesDriveTwentyCyclesToTheEndWithNoStepOrEmailTwice()
    {
        var shared = MacaAppFactoryExtensions.ChildProcessSettings(azurite, maildev);
        var apps = new List<AppProcess>();
        try
        {
            foreach (var n in new[] { 0, 1 })
                apps.Add(await AppProcess.StartAsync(new Dictionary<string, string>(shared)
                {
                    ["Durable:SidecarPort"] = FreePort.Next().ToString(),
                    ["Durable:WorkerId"] = $"two-{n}-{shared["Storage:NamePrefix"]}",
                }));
            var apis = apps.Select(app => new CycleClient(app.Http)).ToArray();
            await apis[0].SeedPartnershipAsync("wf-two", Agencies, "Neglect");
            foreach (var api in apis) await api.AdvanceToAsync(Uk(2029, 9, 3, 10));

            var ids = await Task.WhenAll(Enumerable.Range(0, Cycles).Select(i => ToTheEndAsync(apis, i)));

            foreach (var id in ids)
            {
                var status = await apis[0].StatusAsync(id, history: true);
                Assert.Equal("Completed", status["runtimeStatus"]!.GetValue<string>());
                var history = status["historyEvents"]!.AsArray();
                foreach (var once in new[] { "CycleStarted", "NominationsOpened", "NominationsClosed", "CasesSelected" })
                    Assert.Single(history, e => Type(e) == once);
                var versions = history.Where(e => e!["version"] is not null).Select(e => e!["version"]!.GetValue<int>());
                Assert.Equal(versions.Count(), versions.Distinct().Count());
                await apis[1].SettledAsync(id);
                var sent = history.Count(e => Type(e) == "EmailSent");
                var arrived = await maildev.ForCycleAsync(id);
                Assert.Equal(sent, arrived.Count); // each email once: none lost, none twice
                Assert.Equal(arrived.Count, arrived.Select(MessageId).Distinct().Count());
            }
        }
        finally
        {
            foreach (var app in apps) app.Dispose();
        }
    }

    /// <summary>A desktop audit from start to closure, its commands sent through the two processes in turn.</summary>
    private static async Task<string> ToTheEndAsync(CycleClient[] apis, int i)
    {
        var turn = i;
        CycleClient Next() => apis[turn++ % 2];
        var id = await Next().StartAsync(new
        {
            partnershipId = "wf-two", theme = "neglect", auditType = "Desktop", agencyCodes = Agencies, targetCases = 1,
        });
        var caseRef = $"TWO-{i}";
        await Next().NominateAsync(id, "CSC", caseRef, "Under 1", "Male", "White", false, "CSC", "POL");
        await Next().RaiseAsync(id, "CloseNominations");
        await Next().RaiseAsync(id, "SelectCases",
            new { cases = new[] { new { caseRef, agenciesInScope = new[] { "CSC", "POL" } } } });
        await Next().SubmitAsync(id, "CSC", caseRef);
        await Next().SubmitAsync(id, "POL", caseRef);
        await Next().RaiseAsync(id, "RecordCaseFindings", new
        {
            caseRef, strengths = new[] { "Health visitor kept the family engaged" },
            findings = new[] { new { text = "Neglect was judged incident by incident", themes = new[] { "RSK" } } },
            gradings = new Dictionary<string, string>(),
        });
        await Next().RaiseAsync(id, "AddRecommendation",
            new { text = "Use the graded care profile at every review", category = "Policy and procedure" });
        await Next().RaiseAsync(id, "CompleteFindings");
        await Next().RaiseAsync(id, "DraftLearningSummary", new
        {
            content = new
            {
                process = "A desktop review of one case.", goodPractice = "Persistent engagement.",
                resources = "Graded care profile.", reflectiveQuestions = new[] { "Do you look at the whole history?" },
            },
        });
        foreach (var step in new[] { "SubmitSummaryForReview", "ApproveSummary", "PublishSummary" })
            await Next().RaiseAsync(id, step);
        await Next().RaiseAsync(id, "AddAction", new
        {
            recommendationId = "R1", agencyCode = "CSC", description = "Refresh graded care profile training",
            dueDate = "2029-12-14", successMeasure = "Profiles used in 8 of 10 sampled cases",
        });
        await Next().RaiseAsync(id, "AgreeActionPlan");
        await Next().RaiseAsync(id, "CompleteAction", new { actionId = "A1", agencyCode = "CSC" });
        await Next().RaiseAsync(id, "VerifyAction", new { actionId = "A1" });
        return id;
    }

    private static string Type(JsonNode? e) => e!["eventType"]!.GetValue<string>();

    private static string MessageId(JsonElement email) =>
        email.GetProperty("headers").GetProperty("message-id").GetString() ?? "";
}

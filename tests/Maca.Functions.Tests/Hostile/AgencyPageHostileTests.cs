using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Maca.Functions.Tests.Infrastructure;
using Maca.Functions.Tests.Pages;
using Maca.Testing;
using static Maca.Functions.Tests.Cycles.CycleScript;
using static Maca.Functions.Tests.Pages.PageForms;

namespace Maca.Functions.Tests.Hostile;

/// <summary>
/// The hostile-input suite for the forms an agency lead fills in from a link: every free-text field, sent each
/// kind of hostile text through the page as a browser would. Each is refused on the form (never a 500), and the
/// cycle's history is exactly as it was.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AgencyPageHostileTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    public sealed record HostileText(string Name, string Value)
    {
        public override string ToString() => Name;
    }

    public sealed record AgencyForm(string Name, string Purpose, string Path, string Field, bool Multipart,
        (string, string)[] Valid)
    {
        public override string ToString() => Name;
    }

    private static readonly HostileText[] Texts =
    [
        new("a name the partnership keeps out", "Seen with Tallulah at the clinic"),
        new("an NHS number", "Seen under 943 476 5919"),
        new("a date of birth", "Born 12/03/2019"),
        new("a postcode", "Lives near SW1A 1AA"),
        new("a control character", "Seen at the\u0007 clinic"),
        new("text over the limit", new string('a', 4001)),
    ];

    private static readonly AgencyForm[] Forms =
    [
        new("nomination reason", "Nominate", "/agency/nominate", "reason", false,
            [("caseRef", "HP-NEW-1"), ("ageBand", "Under 1"), ("gender", "Male"), ("ethnicity", "White"),
                ("disability", "no"), ("agenciesInvolved", "CSC")]),
        new("audit-tool comment", "Submit", "/agency/cases/HPP-1", "comment-1", true,
            [("action", "draft"), ("grade-1", "Good")]),
        new("not-known note", "Submit", "/agency/cases/HPP-1/not-known", "note", false, []),
        new("extension reason", "Submit", "/agency/extension", "reason", false,
            [("newDeadline-day", "20"), ("newDeadline-month", "11"), ("newDeadline-year", "2029")]),
        new("action update", "Actions", "/agency/actions/A1", "note", true, [("action", "progress")]),
    ];

    public static IEnumerable<object[]> Cases() =>
        from form in Forms from text in Texts select new object[] { form, text };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task IsRefusedOnTheFormAndChangesNothing(AgencyForm form, HostileText text)
    {
        var world = await PagesWorld.GetAsync(azurite, maildev);
        var cycleId = form.Purpose switch { "Nominate" => world.Nominating, "Actions" => world.FollowingUp, _ => world.Submitting };
        var before = await world.HistoryAsync(cycleId);
        var agency = await world.AgencyAsync(cycleId, form.Purpose);
        var page = await PageAsync(await agency.GetAsync(form.Path));

        var fields = form.Valid.Append((form.Field, text.Value)).ToArray();
        var response = await agency.PostAsync(form.Path, form.Multipart ? Multipart(page, fields) : Form(page, fields));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode < 500, $"{form} with {text}: {(int)response.StatusCode}");
        var refused = await PageAsync(response);
        Assert.NotNull(refused.QuerySelector(".govuk-error-summary"));
        Assert.NotNull(refused.QuerySelector($"#{form.Field}-error"));
        Assert.Equal(before, await world.HistoryAsync(cycleId));
        Assert.DoesNotContain("Exception", body);
    }

    private static MultipartFormDataContent Multipart(IHtmlDocument page, (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new StringContent(Token(page)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return form;
    }

    /// <summary>One partnership keeping "Tallulah" out, with a cycle in each phase whose forms are attacked.</summary>
    private sealed class PagesWorld
    {
        private static readonly SemaphoreSlim Gate = new(1, 1);
        private static PagesWorld? _world;
        private static AzuriteFixture? _builtFor;
        private readonly Dictionary<(string, string), HttpClient> _agencies = [];

        private PagesWorld(MacaAppFactory app, CycleClient api) => (App, Api) = (app, api);

        private MacaAppFactory App { get; }
        private CycleClient Api { get; }
        public string Nominating { get; private set; } = "";
        public string Submitting { get; private set; } = "";
        public string FollowingUp { get; private set; } = "";

        public static async Task<PagesWorld> GetAsync(AzuriteFixture azurite, MaildevFixture maildev)
        {
            await Gate.WaitAsync();
            try
            {
                if (_world is not null && ReferenceEquals(_builtFor, azurite)) return _world;
                var app = new MacaAppFactory(azurite, maildev);
                var world = new PagesWorld(app, app.CreateCycleClient());
                world.FollowingUp = await LearningSummaryOutputTests.FollowingUpActionsAsync(world.Api, "hp-pages");
                await NamesToKeepOutPagesTests.KeepOutAsync(world.Api, "hp-pages", "Tallulah");
                object start = new
                {
                    partnershipId = "hp-pages", theme = "Neglect", auditType = "Desktop",
                    agencyCodes = new[] { "CSC", "POL" }, targetCases = 1,
                };
                world.Nominating = await world.Api.StartAsync(start);
                world.Submitting = await world.Api.StartAsync(start);
                await world.Api.ChooseCasesAsync(world.Submitting, ("HPP-1", ["CSC", "POL"]));
                // Every email sent first, so the history compared before and after cannot move on its own.
                foreach (var id in new[] { world.Nominating, world.Submitting, world.FollowingUp })
                    await world.Api.DrainOutboxAsync(id);
                (_world, _builtFor) = (world, azurite);
                return world;
            }
            finally { Gate.Release(); }
        }

        public async Task<HttpClient> AgencyAsync(string cycleId, string purpose)
        {
            if (!_agencies.TryGetValue((cycleId, purpose), out var client))
                _agencies[(cycleId, purpose)] = client = (await Api.AgencyAsync(cycleId, "CSC", purpose, App.CreateClient)).Http;
            return client;
        }

        public async Task<string> HistoryAsync(string cycleId) =>
            (await Api.StatusAsync(cycleId, history: true))["historyEvents"]!.ToJsonString();
    }
}
